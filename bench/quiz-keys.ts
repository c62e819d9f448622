// `./interleave bench quiz-keys [--n 3]`: the quiz programs whose keys rest on real time
// (std::thread::sleep, spawn_blocking, busy loops), which CI cannot run without depending on the
// machine, run for real here, each `n` times. A Markdown section for bench/RESULTS.md: every run
// of every program must match its key (order, or duration within the item's tolerance).
import { cpus, loadavg } from "node:os";
import { nodeRunner, rustRunner } from "../exercises/quizzes/run-programs.ts";
import { collectRunClaims, judgeRun } from "../exercises/quizzes/verify-run-claims.ts";
import { readRustState } from "../grader/runners/rust/toolchain/rust-paths.ts";

export async function run(args: string[]): Promise<number> {
  const n = Number(args[args.indexOf("--n") + 1] ?? 3) || 3;
  const state = await readRustState();
  if (!state) {
    process.stderr.write("rust is not set up: run ./interleave rust setup\n");
    return 1;
  }
  const runners = { rust: rustRunner(state), typescript: nodeRunner() };
  const { realTime } = collectRunClaims();
  const load = loadavg()[0]?.toFixed(1);
  const rows: string[] = [];
  let mismatches = 0;
  for (const claim of realTime) {
    const outcomes: string[] = [];
    let bad = 0;
    for (let i = 0; i < n; i += 1) {
      const result = await runners[claim.lang](claim);
      if (!result.ok) {
        // Programs that call a helper the item only describes (`crunch()`, `hash()`) cannot run.
        outcomes.push(`not self-contained: ${result.message.replace(/\s+/g, " ").slice(0, 100)}`);
        break;
      }
      const why = judgeRun(claim.expect, result, "real");
      if (why) bad += 1;
      outcomes.push(
        why
          ? `✗ ${why.replace(/\s+/g, " ").slice(0, 160)}`
          : result.ok && result.elapsedMs !== null && claim.expect.kind === "elapsed"
            ? `${result.elapsedMs} ms`
            : "✓",
      );
    }
    mismatches += bad;
    const key =
      claim.expect.kind === "elapsed"
        ? `${claim.expect.ms} ± ${claim.expect.tolerance} ms`
        : claim.expect.kind === "lines"
          ? "order"
          : claim.expect.kind === "one-of"
            ? "possible"
            : `${claim.expect.value}`;
    rows.push(`| ${claim.where} | ${key} | ${outcomes.join("; ")} | ${bad === 0 ? "ok" : `${bad} of ${n} off`} |`);
  }
  process.stdout.write(
    [
      `### Quiz keys that rest on real time (${new Date().toISOString().slice(0, 10)}, ${cpus().length} CPUs, load ${load} at the start, ${n} runs each)`,
      "",
      "| program | key | runs | |",
      "|---|---|---|---|",
      ...rows,
      "",
      `${realTime.length} programs, ${mismatches} runs off their key.`,
      "",
    ].join("\n"),
  );
  return mismatches > 0 ? 1 : 0;
}
