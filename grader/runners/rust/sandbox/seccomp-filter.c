// Writes the sandbox's seccomp filter as a BPF program (bubblewrap's `--seccomp FD` format) to
// the file named by argv[1]. Built with libseccomp at `./interleave rust setup` and run once; the
// runner hands the file to every compile and run (run-sandboxed.ts).
//
// Allow by default, deny what lets one process of the job reach into another one or out of the
// sandbox: cross-process memory and descriptors (the forged-pass attack: a helper process read
// the harness's nonce with process_vm_readv and took its results pipe with pidfd_getfd), new
// namespaces (a nested user namespace grants capabilities), and kernel interfaces no student
// program needs. Syscalls of a foreign ABI (x32, i386) kill the process: libseccomp adds only
// the native architecture, and its bad-arch action is the kill.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <seccomp.h>
#include <stdio.h>
#include <unistd.h>

static const char *const DENIED[] = {
    // another process's memory, descriptors and execution
    "ptrace", "process_vm_readv", "process_vm_writev", "process_madvise", "pidfd_open", "pidfd_getfd", "kcmp",
    // namespaces and mounts
    "unshare", "setns", "mount", "umount2", "pivot_root", "chroot", "open_by_handle_at", "name_to_handle_at",
    "fsopen", "fsmount", "fsconfig", "fspick", "move_mount", "open_tree", "mount_setattr",
    // kernel interfaces with a history of escapes, or nothing to do with a student program
    "bpf", "perf_event_open", "userfaultfd", "keyctl", "add_key", "request_key", "io_uring_setup",
    "io_uring_enter", "io_uring_register", "kexec_load", "kexec_file_load", "init_module", "finit_module",
    "delete_module", "reboot", "swapon", "swapoff", "acct", "syslog", "quotactl", "ioperm", "iopl",
    "move_pages", "migrate_pages", "lookup_dcookie", "vhangup", "personality",
};

static const unsigned long long NEW_NAMESPACES[] = {
    CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET, CLONE_NEWCGROUP,
};

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s OUTPUT.bpf\n", argv[0]);
    return 2;
  }
  scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
  if (ctx == NULL) return 1;
  int rc = 0;
  for (size_t i = 0; i < sizeof DENIED / sizeof DENIED[0] && rc == 0; i++) {
    int nr = seccomp_syscall_resolve_name(DENIED[i]);
    if (nr == __NR_SCMP_ERROR) continue; // not on this architecture or kernel headers
    rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), nr, 0);
  }
  // clone() with a new-namespace flag is refused; clone3 passes its flags in memory a filter
  // cannot read, so it answers "not implemented" and glibc falls back to clone() (as Docker does).
  for (size_t i = 0; i < sizeof NEW_NAMESPACES / sizeof NEW_NAMESPACES[0] && rc == 0; i++) {
    rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1, SCMP_A0(SCMP_CMP_MASKED_EQ, NEW_NAMESPACES[i], NEW_NAMESPACES[i]));
  }
  if (rc == 0) rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
  int fd = rc == 0 ? open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644) : -1;
  if (fd >= 0) rc = seccomp_export_bpf(ctx, fd);
  seccomp_release(ctx);
  if (fd < 0 || rc != 0 || close(fd) != 0) {
    fprintf(stderr, "seccomp filter: %s\n", rc != 0 ? "a rule was refused" : "cannot write the output");
    return 1;
  }
  return 0;
}
