import { describe, expect, it } from "vitest";
import { OutputSink } from "./output-sink.ts";
import { locate, renamedIdentifiers, transpileStudentCode, withSourceNames } from "./transpile.ts";

describe("transpileStudentCode", () => {
  it("strips types and keeps an ES module", async () => {
    const result = await transpileStudentCode({ code: "export function f(n: number): number { return n as number; }" });
    expect(result).toEqual({
      ok: true,
      js: expect.stringMatching(/function f\(n\) \{\s+return n;\s+\}\s+export \{\s+f\s+\};/),
      map: expect.any(String),
    });
  });

  it("reports syntax errors as 1-based diagnostics", async () => {
    const result = await transpileStudentCode({ code: "export function f() {\n  return (1 +;\n}\n" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]).toMatchObject({ severity: "error", line: 2, column: 14, endLine: 2 });
    expect(result.diagnostics[0]?.message).toMatch(/Unexpected ";"/);
  });

  it("locates a string for later diagnostics", () => {
    expect(locate('const a = 1;\nimport x from "fs";', '"fs"')).toEqual({
      line: 2,
      column: 15,
      endLine: 2,
      endColumn: 19,
    });
  });
});

describe("OutputSink", () => {
  it("caps each stream in UTF-8 bytes and flags truncation", () => {
    const sink = new OutputSink(5);
    expect(sink.write("stdout", "abc")).toBe(true);
    expect(sink.write("stdout", "défg")).toBe(false);
    expect(sink.write("stdout", "more")).toBe(false);
    expect(sink.write("stderr", "x")).toBe(true);
    expect(Buffer.byteLength(sink.text("stdout"))).toBeLessThanOrEqual(5);
    expect(sink.text("stdout")).toBe("abcd");
    expect(sink.text("stderr")).toBe("x");
    expect(sink.truncated).toBe(true);
  });
});

describe("names esbuild renamed", () => {
  it("gives a shadowing name back its source spelling in messages, and leaves real names alone", async () => {
    const code =
      "export function f(){ const [tx, rx] = [1, 2]; const g = ({ rx }: any) => { for (const n of rx) {} }; const rx3 = 0; return g({ rx }) + rx3; }";
    const out = await transpileStudentCode({ code });
    if (!out.ok) throw new Error("should compile");
    expect(out.js).toContain("rx2");
    const renames = renamedIdentifiers(code, out.js);
    expect(withSourceNames("TypeError: rx2 is not iterable", renames)).toBe("TypeError: rx is not iterable");
    expect(withSourceNames("rx3 and tx", renames)).toBe("rx3 and tx");
  });
});
