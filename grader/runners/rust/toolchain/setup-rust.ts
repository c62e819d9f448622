// `./interleave rust setup`: packages, toolchain copy, prebuilt rlibs, then state.json for the
// runner. Idempotent and cheap when nothing changed (the key matches: nothing is rebuilt).
import { createHash } from "node:crypto";
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildDeps, depsFingerprint } from "./build-deps.ts";
import { ensurePackages } from "./ensure-packages.ts";
import { findTool, findToolchain } from "./find-toolchain.ts";
import { linkToolchain } from "./link-toolchain.ts";
import { RUST_CACHE, RustState, STATE_FILE } from "./rust-paths.ts";
import { buildSeccompFilter, runtimeLibraries } from "./sandbox-assets.ts";

export type SetupOutcome = { ok: true; state: RustState; rebuilt: boolean } | { ok: false; why: string };

export async function setupRust(options: { log: (line: string) => void }): Promise<SetupOutcome> {
  const { log } = options;
  const packages = await ensurePackages({ log });
  if (!packages.ok) return packages;
  if (packages.installed.length > 0) log(`installed ${packages.installed.join(", ")}`);

  const toolchain = await findToolchain();
  if (!toolchain)
    return {
      ok: false,
      why: "no Rust toolchain found (looked for rustc and cargo in ~/.cargo/bin, PATH and /usr/bin); install rustup or `apt-get install rustc cargo`",
    };
  const tools = {
    bwrap: await findTool("bwrap"),
    setpriv: await findTool("setpriv"),
    prlimit: await findTool("prlimit"),
    gcc: await findTool("gcc"),
  };
  for (const [name, file] of Object.entries(tools)) {
    if (!file) return { ok: false, why: `${name} is missing (bubblewrap / util-linux / gcc)` };
  }
  const host = /^host: (.+)$/m.exec(toolchain.versionText)?.[1];
  if (!host) return { ok: false, why: `cannot read the host triple from rustc -vV` };

  let seccomp: string;
  let libraries: RustState["runtimeLibraries"];
  try {
    seccomp = await buildSeccompFilter({ gcc: tools.gcc ?? "gcc" });
    libraries = await runtimeLibraries({ host });
  } catch (error) {
    return { ok: false, why: error instanceof Error ? error.message : String(error) };
  }

  const key = createHash("sha256")
    .update(toolchain.versionText)
    .update(await depsFingerprint())
    .digest("hex")
    .slice(0, 16);
  const existing = await readRustStateLoosely();
  if (existing?.key === key && (await present(existing))) {
    const state: RustState = { ...existing, tools: { ...existing.tools, seccomp }, runtimeLibraries: libraries };
    await writeState(state);
    log(`rust ${toolchain.release}: prebuilt crates are up to date (${key})`);
    return { ok: true, state, rebuilt: false };
  }

  const dir = path.join(RUST_CACHE, key);
  await mkdir(dir, { recursive: true });
  for (const d of [path.dirname(RUST_CACHE), RUST_CACHE, dir]) await chmod(d, 0o755);
  const started = performance.now();
  const sysroot = path.join(dir, "sysroot");
  await linkToolchain({ sysroot: toolchain.sysroot, host, target: sysroot });
  const deps = await buildDeps({ cargo: toolchain.cargo, rustc: toolchain.rustc, dir: path.join(dir, "deps"), log });
  await chmodTree([
    path.join(dir, "deps"),
    path.join(dir, "deps", "target"),
    path.join(dir, "deps", "target", "release"),
    deps.depsDir,
  ]);
  const state: RustState = {
    version: 1,
    key,
    rustcVersion: toolchain.release,
    sysroot,
    depsDir: deps.depsDir,
    externs: deps.externs,
    tools: {
      bwrap: tools.bwrap ?? "",
      setpriv: tools.setpriv ?? "",
      prlimit: tools.prlimit ?? "",
      gcc: tools.gcc ?? "",
      seccomp,
    },
    runtimeLibraries: libraries,
  };
  await writeState(state);
  if (existing && existing.key !== key) await rm(path.join(RUST_CACHE, existing.key), { recursive: true, force: true });
  log(
    `rust ${toolchain.release}: built prebuilt crates in ${((performance.now() - started) / 1000).toFixed(1)} s (${key})`,
  );
  return { ok: true, state, rebuilt: true };
}

async function writeState(state: RustState): Promise<void> {
  await writeFile(`${STATE_FILE}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  await rename(`${STATE_FILE}.tmp`, STATE_FILE);
}

/** The state an older setup wrote (before the seccomp filter and runtime libraries): its crates are still good. */
async function readRustStateLoosely(): Promise<
  (Omit<RustState, "runtimeLibraries" | "tools"> & { tools: Omit<RustState["tools"], "seccomp"> }) | null
> {
  const parsed = RustState.omit({ runtimeLibraries: true, tools: true })
    .extend({ tools: RustState.shape.tools.omit({ seccomp: true }) })
    .safeParse(JSON.parse(await readFile(STATE_FILE, "utf8").catch(() => "null")));
  return parsed.success ? parsed.data : null;
}

async function present(state: { sysroot: string; depsDir: string; externs: Record<string, string> }): Promise<boolean> {
  const files = [
    path.join(state.sysroot, "bin", "rustc"),
    ...Object.values(state.externs).map((f) => path.join(state.depsDir, f)),
  ];
  const found = await Promise.all(
    files.map((f) =>
      stat(f).then(
        () => true,
        () => false,
      ),
    ),
  );
  return found.every(Boolean);
}

async function chmodTree(dirs: string[]): Promise<void> {
  for (const d of dirs) await chmod(d, 0o755);
}
