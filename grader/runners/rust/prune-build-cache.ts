// Keeps the compiled-submission cache bounded by bytes (a submission can make its binary large
// on purpose): beyond `maxBytes`, the least recently written entries go. A job that is about to
// run a pruned binary is unaffected in practice (it was just written or just read), and at
// worst recompiles on its next grade.
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { RUST_CACHE } from "./toolchain/rust-paths.ts";

type Entry = { name: string; mtime: number; bytes: number };

export async function pruneBuildCache(options: { maxBytes: number; root?: string }): Promise<number> {
  const root = options.root ?? path.join(RUST_CACHE, "builds");
  const names = await readdir(root).catch(() => [] as string[]);
  const entries = await Promise.all(names.map((name) => entryOf(root, name)));
  const doomed = entriesOverBudget(entries, options.maxBytes);
  await Promise.all(doomed.map((e) => rm(path.join(root, e.name), { recursive: true, force: true })));
  return doomed.length;
}

/** The entries to drop: newest first, each is kept while it still fits within `maxBytes`. */
export function entriesOverBudget(entries: readonly Entry[], maxBytes: number): Entry[] {
  let kept = 0;
  return [...entries]
    .sort((a, b) => b.mtime - a.mtime)
    .filter((e) => {
      if (kept + e.bytes > maxBytes) return true;
      kept += e.bytes;
      return false;
    });
}

async function entryOf(root: string, name: string): Promise<Entry> {
  const dir = path.join(root, name);
  const info = await stat(dir).catch(() => null);
  const files = await readdir(dir).catch(() => [] as string[]);
  const sizes = await Promise.all(
    files.map((f) =>
      stat(path.join(dir, f)).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  return { name, mtime: info?.mtimeMs ?? 0, bytes: sizes.reduce((a, b) => a + b, 0) };
}
