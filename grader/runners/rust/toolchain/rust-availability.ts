// Whether this machine can grade Rust: `./interleave rust setup` has left a complete state.
// Cheap (reads one JSON file and stats a few), since grade() asks before every Rust job.
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Availability } from "../../runner-for.ts";
import { readRustState } from "./rust-paths.ts";

export async function rustAvailability(): Promise<Availability> {
  const state = await readRustState();
  if (!state)
    return {
      ok: false,
      why: "Rust cannot be graded here because the toolchain is not set up (run ./interleave rust setup; it needs rustc, cargo, bubblewrap and Debian's librust-*-dev crates)",
    };
  const needed = [
    path.join(state.sysroot, "bin", "rustc"),
    state.tools.bwrap,
    state.tools.setpriv,
    state.tools.prlimit,
    state.tools.seccomp,
    ...Object.values(state.externs).map((f) => path.join(state.depsDir, f)),
  ];
  for (const file of needed) {
    if (
      !(await stat(file).then(
        () => true,
        () => false,
      ))
    ) {
      return {
        ok: false,
        why: `Rust cannot be graded here because ${file} is missing (run ./interleave rust setup again)`,
      };
    }
  }
  return { ok: true };
}
