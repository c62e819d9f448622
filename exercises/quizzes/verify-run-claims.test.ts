import { describe, expect, it } from "vitest";
import { readRustState } from "../../grader/runners/rust/toolchain/rust-paths.ts";
import { nodeRunner, onPausedClock, rustRunner } from "./run-programs.ts";
import { collectRunClaims, judgeRun, type RunClaim, verifyRunClaims } from "./verify-run-claims.ts";

const ran = (stdout: string, elapsedMs: number | null = null) => ({ ok: true as const, stdout, elapsedMs });

describe("collectRunClaims", () => {
  it("finds the bank's output, order and timing programs in both languages, and says what it leaves to the bench", () => {
    const { claims, skipped } = collectRunClaims(60);
    expect(claims.length).toBeGreaterThanOrEqual(30);
    expect(claims.some((c) => c.lang === "rust" && c.mode === "paused" && c.expect.kind === "elapsed")).toBe(true);
    expect(claims.some((c) => c.lang === "rust" && c.expect.kind === "lines")).toBe(true);
    expect(claims.some((c) => c.lang === "typescript" && c.expect.kind === "lines")).toBe(true);
    expect(claims.some((c) => c.expect.kind === "printed-number")).toBe(true);
    // Real-time programs (std::thread::sleep, busy loops) are never run in CI.
    expect(claims.some((c) => /thread::sleep|Date\.now/.test(c.source))).toBe(false);
    expect(skipped.map((s) => s.where)).toContain("blocking-sleep/std-sleep-join");
  }, 60_000);
});

describe("judgeRun", () => {
  it("holds each kind of key to what the program showed", () => {
    expect(judgeRun({ kind: "lines", lines: ["a", "b"] }, ran("a\nb\n"))).toBeNull();
    expect(judgeRun({ kind: "lines", lines: ["a", "b"] }, ran("b\na\n"))).toMatch(/printed/);
    expect(judgeRun({ kind: "printed-number", value: 4, tolerance: 0.5 }, ran("4\n"))).toBeNull();
    expect(judgeRun({ kind: "printed-number", value: 4, tolerance: 0.5 }, ran("3\n"))).toMatch(/printed 3/);
    expect(judgeRun({ kind: "elapsed", ms: 380, tolerance: 38 }, ran("", 380))).toBeNull();
    expect(judgeRun({ kind: "elapsed", ms: 380, tolerance: 38 }, ran("", 200))).toMatch(/took 200 ms/);
    expect(judgeRun({ kind: "elapsed", ms: 380, tolerance: 38 }, ran("", null))).toMatch(/missing/);
    expect(judgeRun({ kind: "lines", lines: ["a"] }, { ok: false, message: "boom" })).toMatch(/did not run/);
    expect(
      judgeRun(
        {
          kind: "one-of",
          outputs: [
            ["a", "b"],
            ["b", "a"],
          ],
        },
        ran("b\na\n"),
      ),
    ).toBeNull();
    expect(
      judgeRun(
        {
          kind: "one-of",
          outputs: [
            ["a", "b"],
            ["b", "a"],
          ],
        },
        ran("a\na\n"),
      ),
    ).toMatch(/cannot happen/);
  });
});

describe("verifyRunClaims", () => {
  it("fails a wrong key of every kind (the checker can fail)", async () => {
    const { claims } = collectRunClaims(60);
    const lines: string[] = [];
    // A runner that shows something other than every key: reversed lines, off numbers and clocks.
    const wrong = async (c: { source: string }) => {
      const claim = claims.find((k) => k.source === c.source);
      const e = claim?.expect;
      if (!e) return ran("");
      // Reversed lines can read the same (one line per schedule, few distinct outcomes): one more line never does.
      if (e.kind === "lines") return ran([...e.lines].reverse().join("\n") + "\nextra");
      if (e.kind === "one-of") return ran([...(e.outputs[0] ?? [])].reverse().join("\n") + "\nextra");
      if (e.kind === "printed-number") return ran(String(e.value + e.tolerance * 2 + 1));
      return ran("", e.ms + e.tolerance + 1);
    };
    const summary = await verifyRunClaims({
      run: { rust: wrong, typescript: wrong },
      claims,
      log: (l) => lines.push(l),
    });
    expect(summary.failed).toBe(claims.length);
    expect(summary.passed).toBe(0);
  }, 60_000);

  it("says loudly which claims it could not run", async () => {
    const { claims } = collectRunClaims(10);
    const lines: string[] = [];
    const summary = await verifyRunClaims({
      run: {},
      unavailable: { rust: "no toolchain" },
      claims,
      log: (l) => lines.push(l),
    });
    expect(summary.skipped).toBe(claims.length);
    expect(lines.some((l) => l.startsWith("SKIPPED run") && l.includes("no toolchain"))).toBe(true);
  });

  it("runs JavaScript for real: the bank's keys pass and a wrong order fails", async () => {
    const ts = collectRunClaims(60).claims.filter((c) => c.lang === "typescript");
    expect(ts.length).toBeGreaterThan(0);
    const good = await verifyRunClaims({ run: { typescript: nodeRunner() }, claims: ts, log: () => {} });
    expect(good).toMatchObject({ passed: ts.length, failed: 0 });
    const micro = ts.find((c) => c.where.startsWith("blocked-event-loop/micro-macro"));
    if (!micro || micro.expect.kind !== "lines") throw new Error("expected the micro-macro order item");
    const swapped = { ...micro, expect: { kind: "lines" as const, lines: ["sync", "timeout", "then", "microtask"] } };
    const bad = await verifyRunClaims({ run: { typescript: nodeRunner() }, claims: [swapped], log: () => {} });
    expect(bad.failed).toBe(1);
  }, 120_000);
});

describe("onPausedClock", () => {
  it("drives the program's main from a paused current-thread runtime and reads the clock", () => {
    const out = onPausedClock("#[tokio::main]\nasync fn main() {\n}\n");
    expect(out).toContain("async fn quiz_main()");
    expect(out).toContain("start_paused = true");
    expect(out).not.toMatch(/#\[tokio::main\]\s*async fn quiz_main/);
    expect(() => onPausedClock("fn main() {}")).toThrow();
  });
});

// The Rust toolchain is built by `./interleave rust setup`, the first step of `./interleave test`.
const state = await readRustState();

describe.runIf(state)("the Rust runner", () => {
  it("catches the join-duration key that was wrong: bare sleep() values start their clocks when created", async () => {
    if (!state) return;
    const source = [
      "use tokio::time::{sleep, Duration};",
      "#[tokio::main]",
      "async fn main() {",
      "    let a = sleep(Duration::from_millis(60));",
      "    let b = sleep(Duration::from_millis(120));",
      "    let c = sleep(Duration::from_millis(200));",
      "    a.await; b.await; c.await;",
      "}",
    ].join("\n");
    const claim: RunClaim = {
      where: "old-key",
      lang: "rust",
      mode: "paused",
      source,
      expect: { kind: "elapsed", ms: 380, tolerance: 38 },
    };
    const lines: string[] = [];
    const summary = await verifyRunClaims({
      run: { rust: rustRunner(state) },
      claims: [claim],
      log: (l) => lines.push(l),
    });
    expect(summary.failed).toBe(1);
    expect(lines.join("\n")).toMatch(/took 200 ms on tokio's paused clock/);
  }, 120_000);
});
