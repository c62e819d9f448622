// Type declarations of the modules a track's runner provides to student code (e.g. the
// "interleave" module with spawn), read from exercises/<track>/_harness/*.d.ts so the editor's
// TypeScript service can check calls into them. Missing files just mean no extra types.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { cache } from "react";

export type EditorLib = { path: string; content: string };

const TRACK = /^[a-z0-9-]+$/;

export const loadEditorTypes = cache(async (track: string): Promise<EditorLib[]> => {
  if (!TRACK.test(track)) return [];
  const dir = path.join(/* turbopackIgnore: true */ process.cwd(), "exercises", track, "_harness");
  const names = await readdir(dir).catch(() => []);
  const files = names.filter((name) => name.endsWith(".d.ts")).sort();
  return Promise.all(
    files.map(async (name) => ({
      path: `file:///node_modules/@types/interleave-${track}/${name}`,
      content: await readFile(path.join(dir, name), "utf8"),
    })),
  );
});
