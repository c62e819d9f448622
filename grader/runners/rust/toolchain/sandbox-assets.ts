// What setup prepares for the sandbox besides the toolchain: the seccomp filter (compiled from
// seccomp-filter.c with libseccomp, kept by the source's hash) and the shared libraries a
// student's program needs at run time — the only host files its sandbox shows.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, realpath, rename } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { RUST_CACHE } from "./rust-paths.ts";

const run = promisify(execFile);
const FILTER_SOURCE = path.resolve(import.meta.dirname, "..", "sandbox", "seccomp-filter.c");

/** Builds (once per source) and returns the BPF program bubblewrap loads with --seccomp. */
export async function buildSeccompFilter(options: { gcc: string }): Promise<string> {
  const source = await readFile(FILTER_SOURCE, "utf8");
  const hash = createHash("sha256").update(source).digest("hex").slice(0, 16);
  const dir = path.join(RUST_CACHE, "seccomp", hash);
  const bpf = path.join(dir, "filter.bpf");
  if (existsSync(bpf)) return bpf;
  await mkdir(dir, { recursive: true });
  for (const d of [path.dirname(dir), dir]) await chmod(d, 0o755);
  const generator = path.join(dir, "generate");
  try {
    await run(options.gcc, ["-O2", "-Wall", "-o", generator, FILTER_SOURCE, "-lseccomp"]);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n").slice(0, 4).join(" ") : String(error);
    throw new Error(`cannot build the sandbox's seccomp filter (is libseccomp-dev installed?): ${detail}`, {
      cause: error,
    });
  }
  await run(generator, [`${bpf}.partial`]);
  await chmod(`${bpf}.partial`, 0o644);
  await rename(`${bpf}.partial`, bpf);
  return bpf;
}

/** The program loader and the libraries every Rust binary links dynamically (glibc, libgcc_s). */
const RUNTIME_LIBRARIES = ["libc.so.6", "libm.so.6", "libgcc_s.so.1", "libpthread.so.0", "libdl.so.2", "librt.so.1"];
const LOADERS = ["/lib64/ld-linux-x86-64.so.2", "/lib/ld-linux-aarch64.so.1", "/lib/ld-linux-riscv64-lp64d.so.1"];

/**
 * Host paths to bind read-only, each at its own path: the loader named in binaries' ELF header
 * and the libraries, found in the host triple's multiarch folder. In the sandbox /lib and
 * /lib64 are links into /usr, so each is bound under /usr.
 */
export async function runtimeLibraries(options: { host: string }): Promise<{ from: string; to: string }[]> {
  const [arch = "", , os = "", env = ""] = options.host.split("-");
  const multiarch = `${arch}-${os}-${env}`;
  const dirs = [`/usr/lib/${multiarch}`, `/lib/${multiarch}`, "/usr/lib64", "/lib64"];
  const found: { from: string; to: string }[] = [];
  for (const loader of LOADERS) {
    if (existsSync(loader)) found.push(await bindable(loader, loader));
  }
  for (const name of RUNTIME_LIBRARIES) {
    const dir = dirs.find((d) => existsSync(path.join(d, name)));
    if (dir) found.push(await bindable(path.join(dir, name), path.join(dir, name)));
  }
  if (!found.some((f) => f.to.includes("/ld-linux")) || !found.some((f) => f.to.endsWith("/libc.so.6"))) {
    throw new Error(`cannot find the program loader and libc for ${options.host} (looked in ${dirs.join(", ")})`);
  }
  return found;
}

/** The file's real path, bound at its path under /usr (the sandbox's /lib and /lib64 point there). */
async function bindable(file: string, at: string): Promise<{ from: string; to: string }> {
  return { from: await realpath(file), to: at.startsWith("/usr/") ? at : `/usr${at}` };
}
