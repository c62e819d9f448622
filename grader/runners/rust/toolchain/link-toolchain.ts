// A copy of the toolchain's sysroot that a sandbox uid can read: rustup's lives under /root
// (mode 0700). Files are hard-linked (no extra disk) when on the same filesystem, else copied.
// Only what rustc needs to compile for the host: bin/rustc, lib/*.so*, the host's std rlibs.
import { chmod, copyFile, link, mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if (error instanceof Error && "code" in error && (error.code === "EXDEV" || error.code === "EPERM"))
      await copyFile(from, to);
    else throw error;
  }
}

async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true, mode: 0o755 });
  await chmod(to, 0o755);
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) await linkTree(source, path.join(to, entry.name));
    else if (entry.isFile()) await linkOrCopy(source, path.join(to, entry.name));
  }
}

export async function linkToolchain(options: { sysroot: string; host: string; target: string }): Promise<void> {
  const { sysroot, host, target } = options;
  const partial = `${target}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(path.join(partial, "bin"), { recursive: true, mode: 0o755 });
  await linkOrCopy(path.join(sysroot, "bin", "rustc"), path.join(partial, "bin", "rustc"));
  await mkdir(path.join(partial, "lib"), { mode: 0o755 });
  for (const entry of await readdir(path.join(sysroot, "lib"), { withFileTypes: true })) {
    if (entry.isFile() && entry.name.includes(".so"))
      await linkOrCopy(path.join(sysroot, "lib", entry.name), path.join(partial, "lib", entry.name));
  }
  await linkTree(path.join(sysroot, "lib", "rustlib", host, "lib"), path.join(partial, "lib", "rustlib", host, "lib"));
  for (const dir of ["", "bin", "lib", "lib/rustlib", `lib/rustlib/${host}`])
    await chmod(path.join(partial, dir), 0o755);
  await rm(target, { recursive: true, force: true });
  await rename(partial, target);
}
