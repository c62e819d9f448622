// Builds the Next.js app once per source state: `next build` costs minutes on 2 cores, so a
// hash of the web-facing sources decides whether the existing .next output is still good.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const INPUTS = [
  "app",
  "components",
  "lib",
  "exercises/quizzes",
  "grader/contract.ts",
  "public",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];

function* walk(target: string): Generator<string> {
  if (!existsSync(target)) return;
  if (statSync(target).isFile()) {
    yield target;
    return;
  }
  for (const entry of readdirSync(target).sort()) yield* walk(path.join(target, entry));
}

export function webSourceHash(root: string): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of walk(path.join(root, input))) {
      hash.update(path.relative(root, file));
      hash.update(readFileSync(file));
    }
  }
  return hash.digest("hex");
}

export function buildWebIfStale(root: string, env: NodeJS.ProcessEnv): void {
  const stampFile = path.join(root, ".next", "interleave-source-hash");
  const hash = webSourceHash(root);
  const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stampFile);
  if (built && readFileSync(stampFile, "utf8") === hash) return;
  process.stderr.write("[interleave] building the web app (next build)…\n");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    env: { ...env, NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? "signal"})`);
  writeFileSync(stampFile, hash);
}
