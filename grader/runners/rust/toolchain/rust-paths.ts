// Where the Rust track keeps what `./interleave rust setup` builds: a git-ignored cache under
// the repository, readable (0755) by the sandbox uids, since /root is 0700.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..", "..", "..");
export const RUST_CACHE = path.join(REPO_ROOT, ".cache", "rust");
export const STATE_FILE = path.join(RUST_CACHE, "state.json");

/** The crates every submission may use, as `--extern` names. */
export const CRATES = ["tokio", "rayon", "crossbeam", "futures", "parking_lot"] as const;

/** What setup leaves behind for the runner; re-parsed wherever it is read. */
export const RustState = z.object({
  version: z.literal(1),
  key: z.string(),
  rustcVersion: z.string(),
  /** Hard-linked copy of the toolchain's sysroot (bin/rustc, lib/…). */
  sysroot: z.string(),
  /** Folder holding the prebuilt rlibs and all their dependencies. */
  depsDir: z.string(),
  externs: z.record(z.string(), z.string()),
  /** `seccomp`: the sandbox's BPF filter (sandbox-assets.ts). */
  tools: z.object({
    bwrap: z.string(),
    setpriv: z.string(),
    prlimit: z.string(),
    gcc: z.string(),
    seccomp: z.string(),
  }),
  /** The only host files a student's program sees: its loader and shared libraries. */
  runtimeLibraries: z.array(z.object({ from: z.string(), to: z.string() })).min(1),
});
export type RustState = z.infer<typeof RustState>;

export async function readRustState(): Promise<RustState | null> {
  try {
    const parsed = RustState.safeParse(JSON.parse(await readFile(STATE_FILE, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
