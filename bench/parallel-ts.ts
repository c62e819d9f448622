// `./interleave bench parallel-ts [--n 20] [--busy 2]`: the figures behind the TypeScript
// parallelism verdict (grader/runners/ts/parallelism.ts) measured on real threads, N calls per
// fixture, optionally while `--busy K` spinning processes keep cores occupied. These are the
// timing checks the unit tests no longer make (a unit test once read a spread of exactly 1.5
// on a loaded machine): every fixture must get its expected verdict in every call.
import type { ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { callFixture } from "../grader/runners/ts/call-fixture.ts";
import { judgeParallel } from "../grader/runners/ts/parallelism.ts";
import { busyLoop } from "./stability.ts";

// Busy for a fixed time, not a fixed amount of work: without --max-opt=1 (the grading child's
// flag, not this process's) the JIT can make equal loops differ several times over.
const spin = (ms: number) => `const end = Date.now() + ${ms}; let x = 0; while (Date.now() < end) x++;`;

const FIXTURES: { name: string; expected: string; code: string }[] = [
  {
    name: "two balanced workers",
    expected: "parallel",
    code: `import { spawn } from "interleave";
      export async function main() { const hs = [0, 1].map(() => spawn(() => { ${spin(200)} return x; }, null)); return Promise.all(hs.map((h) => h.join())); }`,
  },
  {
    name: "four balanced workers",
    expected: "parallel",
    code: `import { spawn } from "interleave";
      export async function main() { const hs = [0, 1, 2, 3].map(() => spawn(() => { ${spin(200)} return x; }, null)); return Promise.all(hs.map((h) => h.join())); }`,
  },
  {
    name: "main does a fifth, four workers the rest",
    expected: "parallel",
    code: `import { spawn, yieldNow } from "interleave";
      export async function main() {
        const hs = [0, 1, 2, 3].map(() => spawn(() => { ${spin(200)} return x; }, null));
        await yieldNow();
        ${spin(200)}
        return [x, ...(await Promise.all(hs.map((h) => h.join())))];
      }`,
  },
  {
    name: "four workers joined in the loop",
    expected: "one_after_another",
    code: `import { spawn } from "interleave";
      export async function main() { for (let k = 0; k < 4; k++) await spawn(() => { ${spin(60)} return x; }, null).join(); }`,
  },
  {
    name: "sleeping decoys, main computes",
    expected: "main_did_work",
    code: `import { spawn } from "interleave";
      export async function main() {
        const cell = new Int32Array(new SharedArrayBuffer(4));
        const hs = [0, 1, 2, 3].map(() => spawn(({ cell }) => Atomics.wait(cell, 0, 0, 300), { cell }));
        ${spin(250)}
        return Promise.all(hs.map((h) => h.join()));
      }`,
  },
];

const option = (args: string[], name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;

export async function run(args: string[]): Promise<number> {
  const n = Number(option(args, "--n") ?? 20);
  const busyCount = Number(option(args, "--busy") ?? 0);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(busyCount) || busyCount < 0) {
    process.stderr.write("--n needs a positive whole number, --busy a whole number\n");
    return 2;
  }
  const busy: ChildProcess[] = Array.from({ length: busyCount }, () => busyLoop());
  const rows: string[] = [];
  let wrong = 0;
  try {
    for (const fixture of FIXTURES) {
      const seen = new Map<string, number>();
      const overlap: number[] = [];
      const spread: number[] = [];
      const main: number[] = [];
      const cpuPerWall: number[] = [];
      for (let i = 0; i < n; i++) {
        const outcome = await callFixture(fixture.code, {
          limits: { wallMs: 10_000, cpuMs: 20_000 },
          runtime: { clock: "real" },
        });
        const judged = judgeParallel(outcome.stats);
        const verdict = outcome.ok
          ? judged.parallel
            ? "parallel"
            : judged.problem
          : `call failed: ${outcome.verdict.reason}`;
        seen.set(verdict, (seen.get(verdict) ?? 0) + 1);
        if (verdict !== fixture.expected) {
          wrong += 1;
          process.stderr.write(
            `${fixture.name}: expected ${fixture.expected}, got ${verdict} ${JSON.stringify(judged.figures)}\n`,
          );
        }
        overlap.push(judged.figures.overlap);
        spread.push(judged.figures.workSpread);
        main.push(judged.figures.mainShare);
        cpuPerWall.push(outcome.stats.cpuMs / Math.max(outcome.stats.wallMs, 1));
      }
      const range = (v: number[]) =>
        `${Math.min(...v).toFixed(2)} / ${median(v).toFixed(2)} / ${Math.max(...v).toFixed(2)}`;
      rows.push(
        `| ${fixture.name} | ${fixture.expected} | ${[...seen].map(([v, c]) => `${v} ×${c}`).join(", ")} | ${range(overlap)} | ${range(spread)} | ${range(main)} | ${median(cpuPerWall).toFixed(2)} |`,
      );
    }
  } finally {
    for (const b of busy) b.kill("SIGKILL");
  }
  const lines = [
    `## TypeScript parallelism figures (${new Date().toISOString().slice(0, 10)})`,
    "",
    `${n} calls per fixture, ${busyCount} busy-loop process(es) alongside, ${availableParallelism()} cores. Figures are min / median / max; ` +
      "CPU/wall is the call's kernel CPU over its wall time (≈ cores the call got). " +
      `**${wrong} call(s) got another verdict than expected.**`,
    "",
    "| fixture | expected | verdicts seen | overlap | work spread | main share | CPU/wall |",
    "|---|---|---|---|---|---|---:|",
    ...rows,
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return wrong === 0 ? 0 : 1;
}
