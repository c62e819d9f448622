// The same verdict on any machine: every reference solution of the exercises that count threads
// or measure work spread is graded as if on 1, 2, 4, 16 and 64 CPUs — 1 and 2 for real, by
// pinning the run to that many CPUs, and 4/16/64 through the machine size rayon and tokio would
// read for their default pools. The harness fixes those pools, so all must pass alike.
import { readdir, readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadExercises } from "../../core/load-exercises.ts";
import { gradeRust, type SimulatedMachine } from "./grade-rust.ts";
import { rustAvailability } from "./toolchain/rust-availability.ts";

const available = (await rustAvailability()).ok;
const EXERCISES = ["rust/async-vs-threads", "rust/rayon-sum", "rust/threads-join", "rust/shared-counter"];
const cpus = availableParallelism();
const MACHINES: [string, SimulatedMachine][] = [
  ["1 CPU", { cpuList: "0", cpus: 1 }],
  ...(cpus >= 2 ? [["2 CPUs", { cpuList: "0,1", cpus: 2 }] as [string, SimulatedMachine]] : []),
  ["4 CPUs", { cpus: 4 }],
  ["16 CPUs", { cpus: 16 }],
  ["64 CPUs", { cpus: 64 }],
];

describe.skipIf(!available)("Rust verdicts do not depend on the CPU count", async () => {
  const { exercises } = await loadExercises();
  const cases = await Promise.all(
    EXERCISES.map(async (id) => {
      const exercise = exercises.find((e) => e.id === id);
      if (!exercise) throw new Error(`${id} is missing`);
      const good = path.join(exercise.dir, "solutions", "good");
      return (await readdir(good)).map((file) => ({ id, exercise, file: path.join(good, file) }));
    }),
  );
  it.each(cases.flat().map((c) => [`${c.id} ${path.basename(c.file)}`, c] as const))(
    "%s passes on every machine size",
    async (_name, c) => {
      const code = await readFile(c.file, "utf8");
      const seen: string[] = [];
      for (const [label, machine] of MACHINES) {
        const r = await gradeRust({ code, dir: c.exercise.dir, meta: c.exercise.meta, machine });
        seen.push(`${label}: ${r.status === "pass" ? "pass" : `${r.status}/${r.reason} ${r.message}`}`);
      }
      expect(seen).toEqual(MACHINES.map(([label]) => `${label}: pass`));
    },
  );
});
