// Debian packages the Rust track needs: crate sources (crates.io is unreachable here, so
// cargo reads Debian's registry through source replacement) and bubblewrap for the sandbox.
// Installed when we are root; otherwise the exact command is printed.
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export const APT_PACKAGES = [
  "librust-tokio-dev",
  "librust-rayon-dev",
  "librust-crossbeam-dev",
  "librust-futures-dev",
  "librust-parking-lot-dev",
  "bubblewrap",
  // the sandbox's seccomp filter is compiled with it at setup (sandbox-assets.ts)
  "libseccomp-dev",
] as const;

export type PackageOutcome = { ok: true; installed: string[] } | { ok: false; why: string };

async function missingPackages(): Promise<string[] | null> {
  try {
    const { stdout } = await run("dpkg-query", ["-W", "-f=${Package} ${db:Status-Status}\\n", ...APT_PACKAGES]).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }),
    );
    const installed = new Set(
      stdout
        .split("\n")
        .filter((l) => l.endsWith(" installed"))
        .map((l) => l.split(" ")[0]),
    );
    return APT_PACKAGES.filter((p) => !installed.has(p));
  } catch {
    return null; // not a Debian-like system
  }
}

function aptGet(args: string[], log: (line: string) => void): Promise<boolean> {
  return new Promise((resolve) => {
    log(`$ apt-get ${args.join(" ")}`);
    const child = spawn("apt-get", args, {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    child.on("error", () => resolve(false));
    child.on("close", (code) => resolve(code === 0));
  });
}

export async function ensurePackages(options: { log: (line: string) => void }): Promise<PackageOutcome> {
  const missing = await missingPackages();
  if (missing === null)
    return { ok: false, why: "dpkg-query is not available: install the Rust crates and bubblewrap by hand" };
  if (missing.length === 0) return { ok: true, installed: [] };
  const command = `sudo apt-get update && sudo apt-get install -y ${missing.join(" ")}`;
  if (process.getuid?.() !== 0) return { ok: false, why: `missing packages; run: ${command}` };
  if (
    !(await aptGet(["update", "-qq"], options.log)) ||
    !(await aptGet(["install", "-y", "-q", ...missing], options.log))
  ) {
    return { ok: false, why: `apt-get could not install ${missing.join(" ")}; try: ${command}` };
  }
  return { ok: true, installed: missing };
}
