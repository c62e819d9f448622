import { describe, expect, it } from "vitest";
import { collectSnippets, verifyCompileClaims } from "./verify-compile-claims.ts";

describe("verifyCompileClaims", () => {
  it("reports every snippet as SKIPPED when no compiler is available", async () => {
    const lines: string[] = [];
    const summary = await verifyCompileClaims({ unavailable: "no Rust runner", seeds: 20, log: (l) => lines.push(l) });
    expect(summary.skipped).toBe(summary.snippets);
    expect(summary.snippets).toBeGreaterThan(5);
    expect(lines[0]).toMatch(/^SKIPPED \d+ does-it-compile claim\(s\): no Rust runner/);
  });

  it("fails a claim the compiler contradicts and passes one it confirms", async () => {
    const snippets = collectSnippets(20);
    const lines: string[] = [];
    // A fake compiler that says everything compiles: claims of an error must fail.
    const summary = await verifyCompileClaims({
      compile: async () => ({ ok: true }),
      seeds: 20,
      log: (l) => lines.push(l),
    });
    const claimingError = snippets.filter((s) => s.claim !== "compiles").length;
    expect(summary).toMatchObject({ failed: claimingError, passed: snippets.length - claimingError, skipped: 0 });
    expect(lines.some((l) => /^FAIL compile .*claims E0277, rustc says compiles/.test(l))).toBe(true);
  });
});
