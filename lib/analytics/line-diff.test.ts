import { describe, expect, it } from "vitest";
import { lineDiff } from "./line-diff";

describe("lineDiff", () => {
  it("marks added and removed lines with both line numbers and a hunk header", () => {
    const before = "a\nb\nc\n";
    const after = "a\nB\nc\nd";
    const diff = lineDiff({ before, after });
    expect(diff).toEqual({
      added: 2,
      removed: 1,
      rows: [
        { kind: "hunk", header: "@@ -1,3 +1,4 @@" },
        { kind: "context", text: "a", oldLine: 1, newLine: 1 },
        { kind: "removed", text: "b", oldLine: 2, newLine: null },
        { kind: "added", text: "B", oldLine: null, newLine: 2 },
        { kind: "context", text: "c", oldLine: 3, newLine: 3 },
        { kind: "added", text: "d", oldLine: null, newLine: 4 },
      ],
    });
  });

  it("keeps only nearby context and splits distant changes into hunks", () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const changed = lines.map((l, i) => (i === 1 || i === 17 ? `${l}!` : l));
    const diff = lineDiff({ before: lines.join("\n"), after: changed.join("\n"), context: 1 });
    expect(diff.rows.filter((r) => r.kind === "hunk").map((r) => (r.kind === "hunk" ? r.header : ""))).toEqual([
      "@@ -1,3 +1,3 @@",
      "@@ -17,3 +17,3 @@",
    ]);
    expect(diff.rows).toHaveLength(2 + 2 * 4);
  });

  it("is empty for identical code", () => {
    expect(lineDiff({ before: "x\n", after: "x" })).toEqual({ rows: [], added: 0, removed: 0 });
  });
});
