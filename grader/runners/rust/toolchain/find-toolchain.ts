// Finds a Rust toolchain and the sandbox tools. rustup installs under ~/.cargo/bin (here
// /root/.cargo/bin); Debian's rustc/cargo live in /usr/bin. The grading child runs with a
// minimal PATH, so setup records absolute paths.
import { execFile } from "node:child_process";
import { access, constants } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type Toolchain = { rustc: string; cargo: string; sysroot: string; versionText: string; release: string };

async function executable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** The first directory holding both rustc and cargo. */
export async function findToolchain(): Promise<Toolchain | null> {
  const dirs = [
    path.join(homedir(), ".cargo", "bin"),
    "/root/.cargo/bin",
    ...(process.env.PATH ?? "").split(":"),
    "/usr/bin",
  ];
  for (const dir of [...new Set(dirs.filter(Boolean))]) {
    const rustc = path.join(dir, "rustc");
    const cargo = path.join(dir, "cargo");
    if (!(await executable(rustc)) || !(await executable(cargo))) continue;
    try {
      const { stdout: versionText } = await run(rustc, ["-vV"]);
      const { stdout: sysroot } = await run(rustc, ["--print", "sysroot"]);
      const release = /^release: (.+)$/m.exec(versionText)?.[1] ?? "unknown";
      return { rustc, cargo, sysroot: sysroot.trim(), versionText, release };
    } catch {
      continue;
    }
  }
  return null;
}

/** Absolute path of a system tool, or null. */
export async function findTool(name: string): Promise<string | null> {
  for (const dir of ["/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin"]) {
    const file = path.join(dir, name);
    if (await executable(file)) return file;
  }
  return null;
}
