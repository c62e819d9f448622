// Verdict stability of one track (`./interleave bench stability-ts|stability-rust [--n 100]
// [--n-virtual 20] [--only <track>/slug] [--busy K | --no-busy] [--out report.md]`): grades every
// exercise's starter, good and bad solutions N times each (exercises judged on the virtual clock
// alone, concept "virtual-time", --n-virtual times), one grade at a time, while busy-loop
// processes keep cores occupied, and prints a Markdown table of verdict flips (runs whose verdict
// differs from the one exercise.json expects). With --out the table is rewritten after every
// round, so a run stopped early still leaves what it measured. With --log file.jsonl every grade
// is appended to that file as it ends, and a later run with the same --log resumes: grades already
// logged for the same grading code (a fingerprint of grader/ and exercises/<track>/) count as
// done, so a run of many hours can be spread over several sittings; a change to that code starts
// it afresh. The goal is 0 everywhere (DESIGN.md, "Timing verdicts that do not flip").
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFile, readdir, readFile, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Expectation, Track } from "../exercises/schema.ts";
import type { GradeResult } from "../grader/contract.ts";
import { exerciseLayout, listFiles } from "../grader/core/exercise-files.ts";
import { childHangs, grade } from "../grader/core/grade.ts";
import { loadExercises } from "../grader/core/load-exercises.ts";

type Row = {
  exercise: string;
  file: string;
  expected: string;
  rounds: number;
  verdicts: Map<string, number>;
  flips: number;
  seconds: number[];
};

/** One logged grade (--log): the file a resumed run reads back. */
type LoggedGrade = {
  fingerprint: string;
  exercise: string;
  file: string;
  verdict: string;
  seconds: number;
  seed: number | null;
  at: string;
};

const root = path.resolve(import.meta.dirname, "..");

/** sha256 of every file under grader/ and exercises/<track>/, paths included: the code a verdict comes from. */
async function gradingFingerprint(track: Track): Promise<string> {
  const hash = createHash("sha256");
  for (const dir of ["grader", path.join("exercises", track), "exercises/schema.ts"]) {
    const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true }).catch(() => null);
    const files =
      entries === null
        ? [dir]
        : entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
    for (const file of files.sort()) {
      hash.update(`${file}\0`);
      hash.update(await readFile(path.join(root, file)));
    }
  }
  return hash.digest("hex").slice(0, 16);
}

/** The grades a log holds for this fingerprint; lines that do not parse are skipped. */
async function readLog(file: string, fingerprint: string): Promise<LoggedGrade[]> {
  const text = await readFile(file, "utf8").catch(() => "");
  return text.split("\n").flatMap((line): LoggedGrade[] => {
    try {
      const g = JSON.parse(line) as Partial<LoggedGrade>;
      return g.fingerprint === fingerprint && typeof g.exercise === "string" && typeof g.verdict === "string"
        ? [g as LoggedGrade]
        : [];
    } catch {
      return [];
    }
  });
}

const TITLE: Record<Track, string> = { ts: "TypeScript", rust: "Rust" };

/** What a track's report says beyond the common sentence (why its numbers look as they do). */
const NOTE: Record<Track, string> = {
  ts: "",
  // Identical sources hit the build cache (compile-crate.ts), so only round 1 compiles.
  rust: "Identical sources hit the compile cache, so only round 1 compiles (its time is in the first-round column): the rounds measure the verdict stability of the sandboxed run.",
};

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

const verdictOf = (r: GradeResult) => (r.status === "pass" ? "pass" : `${r.status}/${r.reason ?? "?"}`);
const want = (e: Expectation) => (e.status === "pass" ? "pass" : `${e.status}/${e.reason ?? "?"}`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * A process that spins: the "other core kept busy" of the stability claim. It checks now and
 * then that the bench still runs and exits when it does not, so a bench killed by a signal (no
 * `finally`) leaves no spinning orphan behind.
 */
export function busyLoop(): ChildProcess {
  const spin = `const parent = ${process.pid}; for (let i = 1; ; i++) if ((i & 0xffffff) === 0 && process.ppid !== parent) process.exit(0);`;
  return spawn(process.execPath, ["-e", spin], { stdio: "ignore" });
}

export async function runStability(options: { track: Track; args: string[] }): Promise<number> {
  const { track, args } = options;
  const n = Number(option(args, "--n") ?? 100);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write("--n needs a positive whole number\n");
    return 2;
  }
  const nVirtual = Number(option(args, "--n-virtual") ?? Math.min(n, 20));
  if (!Number.isInteger(nVirtual) || nVirtual < 1) {
    process.stderr.write("--n-virtual needs a positive whole number\n");
    return 2;
  }
  const only = option(args, "--only");
  const out = option(args, "--out");
  const log = option(args, "--log");
  const { exercises, problems } = await loadExercises();
  if (problems.length > 0) {
    process.stderr.write(`exercise problems: ${problems.map((p) => `${p.file}: ${p.message}`).join("; ")}\n`);
    return 1;
  }
  const rows: Row[] = [];
  for (const exercise of exercises.filter((e) => e.track === track && (!only || e.id === only))) {
    const layout = exerciseLayout(exercise.track);
    const checks: { file: string; expected: Expectation }[] = [
      { file: layout.starter, expected: exercise.meta.expectations.starter },
    ];
    for (const file of await listFiles(path.join(exercise.dir, layout.goodDir)))
      checks.push({ file: path.join(layout.goodDir, file), expected: { status: "pass" } });
    for (const [file, expected] of Object.entries(exercise.meta.expectations.bad))
      checks.push({ file: path.join(layout.badDir, file), expected });
    // Verdicts on the virtual clock alone cannot depend on the machine's load: fewer rounds.
    const rounds = exercise.meta.concepts.includes("virtual-time") ? nVirtual : n;
    for (const check of checks) {
      rows.push({
        exercise: exercise.id,
        file: check.file,
        expected: want(check.expected),
        rounds,
        verdicts: new Map(),
        flips: 0,
        seconds: [],
      });
    }
  }
  if (rows.length === 0) {
    process.stderr.write(`no ${TITLE[track]} exercise${only ? ` named ${only}` : ""} to grade\n`);
    return 2;
  }

  const fingerprint = await gradingFingerprint(track);
  if (log) {
    const logged = await readLog(log, fingerprint);
    for (const g of logged) {
      const row = rows.find((r) => r.exercise === g.exercise && r.file === g.file);
      if (!row || row.seconds.length >= row.rounds) continue;
      row.seconds.push(g.seconds);
      row.verdicts.set(g.verdict, (row.verdicts.get(g.verdict) ?? 0) + 1);
      if (g.verdict !== row.expected) row.flips += 1;
    }
    process.stderr.write(`resuming from ${log}: ${logged.length} grade(s) logged for grading code ${fingerprint}\n`);
  }

  // --busy K: K spinning processes (default 1); --no-busy: none.
  const busyCount = args.includes("--no-busy") ? 0 : Number(option(args, "--busy") ?? 1);
  if (!Number.isInteger(busyCount) || busyCount < 0) {
    process.stderr.write("--busy needs a whole number of busy processes\n");
    return 2;
  }
  const spinners = Array.from({ length: busyCount }, () => busyLoop());
  const started = performance.now();
  const lastRound = Math.max(...rows.map((r) => r.rounds));
  try {
    // Rounds over all solutions rather than N in a row each, so a passing disturbance on the
    // machine spreads over every solution instead of hitting one.
    for (let round = 1; round <= lastRound; round++) {
      for (const row of rows.filter((r) => r.rounds >= round && r.seconds.length < round)) {
        const dir = exercises.find((e) => e.id === row.exercise)?.dir ?? "";
        const code = await readFile(path.join(dir, row.file), "utf8");
        const t0 = performance.now();
        const result = await grade({ exerciseId: row.exercise, code });
        const verdict = verdictOf(result);
        const seconds = (performance.now() - t0) / 1000;
        row.seconds.push(seconds);
        row.verdicts.set(verdict, (row.verdicts.get(verdict) ?? 0) + 1);
        if (log) {
          const line: LoggedGrade = {
            fingerprint,
            exercise: row.exercise,
            file: row.file,
            verdict,
            seconds,
            seed: result.seed ?? null,
            at: new Date().toISOString(),
          };
          await appendFile(log, `${JSON.stringify(line)}\n`);
        }
        if (verdict !== row.expected) {
          row.flips += 1;
          process.stderr.write(
            `FLIP round ${round}: ${row.exercise} ${row.file} expected ${row.expected}, got ${verdict} (--seed ${result.seed ?? "?"})\n`,
          );
          // What each test said, so a flip can be explained afterwards, not only counted.
          for (const t of result.tests)
            process.stderr.write(`  ${t.status} ${t.name}: ${(t.message ?? "").slice(0, 400)}\n`);
        }
      }
      process.stderr.write(
        `round ${round}/${lastRound} done (${Math.round((performance.now() - started) / 1000)} s)\n`,
      );
      if (out)
        await writeFile(
          out,
          report({
            track,
            rows,
            busyCount,
            seconds: (performance.now() - started) / 1000,
            roundsDone: round,
            lastRound,
          }),
        );
    }
  } finally {
    for (const spinner of spinners) spinner.kill("SIGKILL");
  }
  const text = report({
    track,
    rows,
    busyCount,
    seconds: (performance.now() - started) / 1000,
    roundsDone: lastRound,
    lastRound,
  });
  if (out) await writeFile(out, text);
  process.stdout.write(text);
  return rows.some((r) => r.flips > 0) ? 1 : 0;
}

function report(options: {
  track: Track;
  rows: Row[];
  busyCount: number;
  seconds: number;
  roundsDone: number;
  lastRound: number;
}): string {
  const { track, rows, busyCount, seconds, roundsDone, lastRound } = options;
  const grades = rows.reduce((sum, r) => sum + r.seconds.length, 0);
  const flips = rows.reduce((sum, r) => sum + r.flips, 0);
  // Rust's first round includes the compile; later rounds hit the build cache.
  const firstRound = track === "rust";
  const lines = [
    `## ${TITLE[track]} verdict stability (${new Date().toISOString().slice(0, 10)})`,
    "",
    `${roundsDone < lastRound ? `**Stopped after round ${roundsDone} of ${lastRound}.** ` : ""}` +
      `Every starter, good and bad solution graded ${[...new Set(rows.map((r) => r.rounds))].sort((a, b) => b - a).join(" or ")} times (the rounds column), one at a time, ${busyCount > 0 ? `with ${busyCount} busy-loop process(es) keeping cores occupied` : "on an otherwise idle machine"}, inputs drawn from a fresh seed every grade ` +
      `(${availableParallelism()} cores, shared with other work). Total: ${grades} grades, **${flips} flip(s)**, ${Math.round(seconds)} s; ` +
      `${childHangs()} grading child(ren) hung and were replaced by a fresh one (grade() retries a hang once).`,
    ...(NOTE[track] ? ["", NOTE[track]] : []),
    "",
    `| exercise | solution | expected | rounds | verdicts seen | flips | median s |${firstRound ? " first round s |" : ""}`,
    `|---|---|---|---:|---|---:|---:|${firstRound ? "---:|" : ""}`,
    ...rows.map((r) => {
      const seen = [...r.verdicts].map(([v, c]) => `${v} ×${c}`).join(", ");
      const first = firstRound ? ` ${(r.seconds[0] ?? 0).toFixed(2)} |` : "";
      return `| ${r.exercise} | ${r.file} | ${r.expected} | ${r.seconds.length} | ${seen} | ${r.flips} | ${median(r.seconds).toFixed(2)} |${first}`;
    }),
    "",
  ];
  return `${lines.join("\n")}\n`;
}

/** Lets a wrapper module also run directly with `node --no-node-snapshot --import tsx`. */
export function runIfMain(meta: ImportMeta, track: Track): void {
  if (meta.url !== `file://${process.argv[1]}`) return;
  runStability({ track, args: process.argv.slice(2) }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
