// Builds the dependency rlibs once with cargo, offline, from Debian's crate registry through
// source replacement. The result is keyed by the toolchain and the registry's crate versions:
// a new rustc or a package upgrade gives a new key, and only then a rebuild.
import { spawn } from "node:child_process";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { CRATES } from "./rust-paths.ts";

export const DEBIAN_REGISTRY = "/usr/share/cargo/registry";

const MANIFEST = `[package]
name = "interleave-deps"
version = "0.0.0"
edition = "2021"

[lib]
path = "src/lib.rs"

[dependencies]
tokio = { version = "1", features = ["full", "test-util"] }
rayon = "1"
crossbeam = "0.8"
futures = "0.3"
parking_lot = "0.12"

[profile.release]
debug = false
`;

const CARGO_CONFIG = `[source.crates-io]
replace-with = "local-registry"

[source.local-registry]
directory = "${DEBIAN_REGISTRY}"

[net]
offline = true
`;

/** Text that changes whenever the built rlibs could: the workspace and the crate versions. */
export async function depsFingerprint(): Promise<string> {
  const crates = await readdir(DEBIAN_REGISTRY).catch(() => [] as string[]);
  return [MANIFEST, CARGO_CONFIG, ...crates.sort()].join("\n");
}

const Artifact = z.object({
  reason: z.literal("compiler-artifact"),
  target: z.object({ name: z.string() }),
  filenames: z.array(z.string()),
});

export async function buildDeps(options: {
  cargo: string;
  rustc: string;
  dir: string;
  log: (line: string) => void;
}): Promise<{ depsDir: string; externs: Record<string, string> }> {
  const { dir } = options;
  await mkdir(path.join(dir, "src"), { recursive: true });
  await mkdir(path.join(dir, ".cargo"), { recursive: true });
  await writeFile(path.join(dir, "Cargo.toml"), MANIFEST);
  await writeFile(path.join(dir, "src", "lib.rs"), "// The rlibs are what we want; this crate is empty.\n");
  await writeFile(path.join(dir, ".cargo", "config.toml"), CARGO_CONFIG);
  options.log(`building tokio, rayon, crossbeam, futures, parking_lot in ${dir} (once; about a minute)`);
  const lines = await cargoBuild({ ...options, dir });
  const externs: Record<string, string> = {};
  for (const line of lines) {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      continue;
    }
    const artifact = Artifact.safeParse(json);
    if (!artifact.success) continue;
    const rlib = artifact.data.filenames.find((f) => f.endsWith(".rlib"));
    if (rlib && (CRATES as readonly string[]).includes(artifact.data.target.name))
      externs[artifact.data.target.name] = path.basename(rlib);
  }
  const missing = CRATES.filter((c) => !externs[c]);
  if (missing.length > 0) throw new Error(`cargo built no rlib for ${missing.join(", ")}`);
  return { depsDir: path.join(dir, "target", "release", "deps"), externs };
}

function cargoBuild(options: { cargo: string; rustc: string; dir: string }): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // Two jobs at most: the machine's cores are shared.
    const child = spawn(options.cargo, ["build", "--release", "--offline", "-j", "2", "--message-format=json"], {
      cwd: options.dir,
      env: { ...process.env, CARGO_HOME: path.join(options.dir, ".cargo-home"), RUSTC: options.rustc },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-8000)));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(stdout.split("\n")) : reject(new Error(`cargo build failed (code ${code}):\n${stderr}`)),
    );
  });
}
