// Keeps the compiled-submission cache bounded: beyond `keep` entries, the least recently
// written go. A job that is about to run a pruned binary is unaffected in practice (it
// was just written or just read), and at worst recompiles on its next grade.
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { RUST_CACHE } from "./toolchain/rust-paths.ts";

export async function pruneBuildCache(options: { keep: number }): Promise<number> {
  const root = path.join(RUST_CACHE, "builds");
  const names = await readdir(root).catch(() => [] as string[]);
  if (names.length <= options.keep) return 0;
  const entries = await Promise.all(names.map(async (name) => ({ name, mtime: (await stat(path.join(root, name)).catch(() => null))?.mtimeMs ?? 0 })));
  const doomed = entries.sort((a, b) => b.mtime - a.mtime).slice(options.keep);
  await Promise.all(doomed.map((e) => rm(path.join(root, e.name), { recursive: true, force: true })));
  return doomed.length;
}
