// Debian's Chromium drives the end-to-end tests (Playwright's own browser download cannot work
// offline). Installed with apt when missing and we are root; otherwise the exact command is shown.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { childEnv } from "../../lib/env.ts";

export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

export function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is missing; install it with: sudo apt-get install -y chromium`);
  }
  process.stderr.write("[interleave] installing Debian's chromium for the browser tests…\n");
  const env = { ...childEnv(), DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "chromium"],
  ]) {
    const result = spawnSync("apt-get", args, { stdio: ["ignore", "inherit", "inherit"], env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed`);
  }
}
