// Output, order and timing keys are claims about what a program does, so they are proven the way
// does-it-compile keys are: by running every distinct program the generators produce, for every
// variant. Rust async programs run on tokio's paused clock (a current-thread runtime whose clock
// jumps forward whenever every task waits), so their durations come out exact on any machine and
// under any load; Rust programs without timing run as they are; JavaScript runs in plain Node
// (timers fire in deadline order however late the loop gets to them). Programs whose answer rests
// on real time (std::thread::sleep, spawn_blocking beside timers, busy loops) are not run here:
// a check in CI must not depend on the machine, and `./interleave bench quiz-keys` runs them.
import { generateWithProgram } from "./define.ts";
import { ITEM_DEFINITIONS } from "./items/index.ts";
import { enumerate, forcedExpectation, possibleOutputs, renderForced } from "./schedules.ts";
import type { QuizItem } from "./schema.ts";

/** paused: async Rust on tokio's paused clock; plain: as written, no timing; real: timed for real (bench only). */
export type RunMode = "paused" | "plain" | "real";
export type RunRequest = { lang: "rust" | "typescript"; source: string; mode: RunMode };
/** `elapsedMs`: the paused clock's reading when main returned (paused Rust programs only). */
export type RunResult = { ok: true; stdout: string; elapsedMs: number | null } | { ok: false; message: string };
export type RunProgram = (request: RunRequest) => Promise<RunResult>;

export type Expectation =
  | { kind: "lines"; lines: string[] }
  /** A nondeterministic program: its output must be one of these (the model's possible outputs). */
  | { kind: "one-of"; outputs: string[][] }
  | { kind: "printed-number"; value: number; tolerance: number }
  | { kind: "elapsed"; ms: number; tolerance: number };

export type RunClaim = RunRequest & { where: string; expect: Expectation };
export type Skipped = { where: string; why: string };

/** Sources per variant that are proven (seeds vary names and durations; two are plenty). */
const SOURCES_PER_VARIANT = 2;

/** Markers of an answer that rests on real time or CPU speed. */
const REAL_TIME = [
  /\bthread::sleep\b/,
  /use std::thread::\{[^}]*\bsleep\b/,
  /\bspawn_blocking\b/,
  /\bmulti_thread\b/,
  /\brayon\b/,
  /\bInstant::now\b/,
  /\bDate\.now\b/,
  /\bperformance\.now\b/,
];

/** A tokio entry point the paused clock can drive (current-thread runtime, plain main). */
export const TOKIO_MAIN = /#\[tokio::main(?:\(\s*flavor\s*=\s*"current_thread"\s*\))?\]\s*async fn main\(\)/;

const REAL = "its answer rests on real time: checked by `./interleave bench quiz-keys`";

/** What running the item's program must show, or why it cannot be run (null: not a claim about running). */
export function claimOf(item: QuizItem): { expect: Expectation; mode: RunMode } | { skip: string } | null {
  const code = item.code;
  if (!code || (item.type !== "numeric" && item.type !== "order")) return null;
  if (code.lang === "rust" && !/\bfn main\(/.test(code.source)) return { skip: "a fragment, not a whole program" };
  const timing = item.type === "numeric" && /millisecond/i.test(item.prompt);
  const expect: Expectation =
    item.type === "order"
      ? { kind: "lines", lines: item.lines.map((l) => l.text) }
      : timing
        ? { kind: "elapsed", ms: item.numeric.answer, tolerance: item.numeric.tolerance }
        : { kind: "printed-number", value: item.numeric.answer, tolerance: item.numeric.tolerance };
  if (REAL_TIME.some((r) => r.test(code.source))) return { mode: "real", expect };
  if (code.lang === "rust") {
    const tokio = /#\[tokio::main/.test(code.source);
    if (tokio && !TOKIO_MAIN.test(code.source)) return { mode: "real", expect };
    if (timing && !tokio) return { mode: "real", expect };
    return { mode: tokio ? "paused" : "plain", expect };
  }
  return { mode: timing ? "real" : "plain", expect };
}

/**
 * Every distinct program the generators produce (up to two per variant), with its claim: `claims`
 * run anywhere (CI), `realTime` only in the bench; `skipped` names what cannot be run at all and
 * what is left to the bench.
 */
export function collectRunClaims(seeds = 60): { claims: RunClaim[]; realTime: RunClaim[]; skipped: Skipped[] } {
  const claims: RunClaim[] = [];
  const realTime: RunClaim[] = [];
  const skipped = new Map<string, Skipped>();
  for (const definition of ITEM_DEFINITIONS.values()) {
    const perVariant = new Map<string, Set<string>>();
    for (let s = 0; s < seeds; s += 1) {
      const { item, program } = generateWithProgram(definition, `run-${s}`);
      if (program && item.code) {
        // Possible-outcomes and partial-order items: the program runs once in every schedule the
        // model enumerates, each step forced in turn, and must print what the model says for
        // each; the program as shown runs once and must print one of the possible outputs.
        const where = `${item.itemId}/${item.variantId}`;
        const sources = perVariant.get(item.variantId) ?? new Set<string>();
        perVariant.set(item.variantId, sources);
        if (sources.has(item.code.source) || sources.size >= SOURCES_PER_VARIANT) continue;
        sources.add(item.code.source);
        const outcomes = enumerate(program);
        claims.push({
          where: `${where}#${sources.size} every schedule`,
          lang: "rust",
          mode: "plain",
          source: renderForced(
            program,
            outcomes.map((o) => o.schedule),
          ),
          expect: { kind: "lines", lines: forcedExpectation(outcomes) },
        });
        claims.push({
          where: `${where}#${sources.size} as shown`,
          lang: "rust",
          mode: "plain",
          source: item.code.source,
          expect: { kind: "one-of", outputs: possibleOutputs(outcomes) },
        });
        continue;
      }
      const claim = claimOf(item);
      if (!claim || !item.code) continue;
      const where = `${item.itemId}/${item.variantId}`;
      if ("skip" in claim) {
        skipped.set(where, { where, why: claim.skip });
        continue;
      }
      const sources = perVariant.get(item.variantId) ?? new Set<string>();
      perVariant.set(item.variantId, sources);
      if (sources.has(item.code.source) || sources.size >= SOURCES_PER_VARIANT) continue;
      sources.add(item.code.source);
      if (claim.mode === "real") skipped.set(where, { where, why: REAL });
      (claim.mode === "real" ? realTime : claims).push({
        where: `${where}#${sources.size}`,
        lang: item.code.lang,
        source: item.code.source,
        mode: claim.mode,
        expect: claim.expect,
      });
    }
  }
  return { claims, realTime, skipped: [...skipped.values()] };
}

/** null when the run shows what the key claims; otherwise what it showed instead. */
export function judgeRun(expect: Expectation, result: RunResult, mode: RunMode = "paused"): string | null {
  if (!result.ok) return `the program did not run: ${result.message}`;
  const lines = result.stdout
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (expect.kind === "one-of") {
    return expect.outputs.some((o) => o.length === lines.length && o.every((l, i) => l === lines[i]))
      ? null
      : `the program printed ${JSON.stringify(lines)}, which the model says cannot happen`;
  }
  if (expect.kind === "lines") {
    const same = lines.length === expect.lines.length && lines.every((l, i) => l === expect.lines[i]);
    return same
      ? null
      : `the key's order is ${JSON.stringify(expect.lines)}, the program printed ${JSON.stringify(lines)}`;
  }
  if (expect.kind === "printed-number") {
    const printed = Number(lines.at(-1));
    if (!Number.isFinite(printed)) return `the program printed ${JSON.stringify(lines)}, not a number`;
    return Math.abs(printed - expect.value) <= expect.tolerance
      ? null
      : `the key is ${expect.value}, the program printed ${printed}`;
  }
  if (result.elapsedMs === null) return "the clock's reading is missing";
  // The paused clock is exact: the key must sit well inside its own tolerance of the reading.
  const slack = mode === "real" ? expect.tolerance : expect.tolerance / 2;
  const clock = mode === "real" ? "for real" : "on tokio's paused clock";
  return Math.abs(result.elapsedMs - expect.ms) <= slack
    ? null
    : `the key is ${expect.ms} ms, the program took ${result.elapsedMs} ms ${clock}`;
}

export type RunClaimSummary = { programs: number; passed: number; failed: number; skipped: number };

export async function verifyRunClaims(options: {
  /** One runner per language; a missing one skips that language's claims, loudly. */
  run: { rust?: RunProgram; typescript?: RunProgram };
  unavailable?: { rust?: string; typescript?: string };
  claims?: RunClaim[];
  concurrency?: number;
  log: (line: string) => void;
}): Promise<RunClaimSummary> {
  const collected = options.claims ? { claims: options.claims, skipped: [] } : collectRunClaims();
  const summary: RunClaimSummary = { programs: collected.claims.length, passed: 0, failed: 0, skipped: 0 };
  for (const s of collected.skipped) options.log(`--   run ${s.where}: not run here (${s.why})`);
  const queue = [...collected.claims];
  const worker = async () => {
    for (let claim = queue.shift(); claim; claim = queue.shift()) {
      const runner = options.run[claim.lang];
      if (!runner) {
        summary.skipped += 1;
        options.log(`SKIPPED run ${claim.where}: ${options.unavailable?.[claim.lang] ?? `no ${claim.lang} runner`}`);
        continue;
      }
      const why = judgeRun(claim.expect, await runner(claim), claim.mode);
      summary[why === null ? "passed" : "failed"] += 1;
      options.log(why === null ? `ok   run ${claim.where} (${claim.mode})` : `FAIL run ${claim.where}: ${why}`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  return summary;
}
