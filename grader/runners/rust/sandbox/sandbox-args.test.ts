import { describe, expect, it } from "vitest";
import { sandboxArgs } from "./run-sandboxed.ts";

const limits = {
  cpuSeconds: 3,
  memoryMb: 512,
  addressSpaceMb: 1024,
  fileSizeMb: 8,
  openFiles: 64,
  processes: 64,
  tmpfsMb: 16,
  wallMs: 1000,
  outputBytes: 1024,
};
const args = sandboxArgs({
  tools: {
    bwrap: "/usr/bin/bwrap",
    setpriv: "/usr/bin/setpriv",
    prlimit: "/usr/bin/prlimit",
    seccomp: "/cache/filter.bpf",
  },
  uid: 200_123,
  argv: ["/opt/prog"],
  mounts: [{ from: "/cache/prog", to: "/opt/prog" }],
  system: [{ from: "/usr/lib/x86_64-linux-gnu/libc.so.6", to: "/usr/lib/x86_64-linux-gnu/libc.so.6" }],
  limits,
  proc: false,
  env: { PATH: "/usr/bin" },
  cwd: "/tmp",
});

describe("sandboxArgs (DESIGN.md, Rust sandbox)", () => {
  it("sets every rlimit, drops to the job's uid with no new privileges, then enters bwrap", () => {
    expect(args.slice(0, 7)).toEqual([
      "--cpu=4",
      `--as=${1024 * 1024 * 1024}`,
      `--fsize=${8 * 1024 * 1024}`,
      "--nofile=64",
      "--core=0",
      "--nproc=64",
      "--",
    ]);
    expect(args.slice(7, 13)).toEqual([
      "/usr/bin/setpriv",
      "--reuid=200123",
      "--regid=200123",
      "--clear-groups",
      "--no-new-privs",
      "--",
    ]);
    expect(args.slice(13, 22)).toEqual([
      "/usr/bin/bwrap",
      "--unshare-all",
      "--die-with-parent",
      "--new-session",
      "--cap-drop",
      "ALL",
      "--clearenv",
      "--seccomp",
      "4",
    ]);
  });

  it("shows a program only its shared libraries of the host: no /usr, so no shell or interpreter", () => {
    const joined = args.join(" ");
    expect(joined).toContain("--ro-bind /usr/lib/x86_64-linux-gnu/libc.so.6 /usr/lib/x86_64-linux-gnu/libc.so.6");
    expect(joined).not.toMatch(/--ro-bind \/usr \/usr/);
    const compile = sandboxArgs({
      tools: { bwrap: "b", setpriv: "s", prlimit: "p", seccomp: "f" },
      uid: 1,
      argv: ["/opt/rust/bin/rustc"],
      mounts: [],
      system: "usr",
      limits,
      proc: false,
      env: {},
      cwd: "/tmp",
    });
    expect(compile.join(" ")).toContain("--ro-bind /usr /usr");
  });

  it("binds the program read-only, mounts no /proc and no /etc, and a sized tmpfs", () => {
    const joined = args.join(" ");
    expect(joined).toContain("--ro-bind /cache/prog /opt/prog");
    expect(joined).toContain(`--size ${16 * 1024 * 1024} --tmpfs /tmp`);
    expect(args).not.toContain("--proc");
    expect(args).not.toContain("/etc");
    expect(args).not.toContain("--bind");
    expect(args.slice(-2)).toEqual(["--", "/opt/prog"]);
  });

  it("makes bwrap's unsized root and /dev read-only after the binds, so /tmp's cap holds", () => {
    const joined = args.join(" ");
    expect(joined).toContain("--remount-ro /dev --remount-ro /");
    expect(args.lastIndexOf("--remount-ro")).toBeGreaterThan(args.indexOf("/opt/prog"));
  });
});
