import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { checkCode, MAX_CODE_BYTES } from "./code-rules.ts";

function failure(code: string): [string, string] {
  try {
    checkCode(code);
  } catch (error) {
    if (error instanceof AppError) return [error.code, error.message];
  }
  return ["ok", ""];
}

describe("checkCode", () => {
  it("accepts ordinary source with tabs, CRLF and non-ASCII text", () => {
    const code = 'export function f() {\r\n\treturn "héllo ✓";\r\n}\n';
    expect(checkCode(code)).toBe(code);
    expect(checkCode("a".repeat(MAX_CODE_BYTES))).toHaveLength(MAX_CODE_BYTES);
  });

  it("rejects empty, oversized, broken and binary input with a reason", () => {
    expect(failure(" \n\t")).toEqual(["bad_request", "The code is empty."]);
    expect(failure("a".repeat(MAX_CODE_BYTES + 1))[0]).toBe("too_large");
    expect(failure("€".repeat(22_000))).toEqual([
      "too_large",
      "The code is 66000 bytes; the limit is 65536 bytes (64 KiB).",
    ]);
    expect(failure("ok\n\uDC00")[0]).toBe("bad_request");
    expect(failure("a\nb\nc\u001b[31m")).toEqual([
      "bad_request",
      "The code must be plain text: control character U+001b on line 3.",
    ]);
    expect(failure("x\u007f")[0]).toBe("bad_request");
  });
});
