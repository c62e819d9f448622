import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeZodError, zodErrorCode } from "./errors-to-response.ts";
import { Code, Email, TrackSlug, PersonName, QuizId, SearchTerm, UserId, Uuid } from "./schemas.ts";

function problem(schema: z.ZodType, field: string, value: unknown): string | null {
  const parsed = z.object({ [field]: schema }).safeParse({ [field]: value });
  return parsed.success ? null : describeZodError(parsed.error);
}

describe("edge schemas", () => {
  it("accept ordinary names, search terms and ids", () => {
    expect(PersonName.parse("  Ada Lovelace ")).toBe("Ada Lovelace");
    expect(PersonName.parse("Zoë 李")).toBe("Zoë 李");
    expect(SearchTerm.parse("")).toBe("");
    expect(Uuid.parse("00000000-0000-4000-8000-000000000000")).toBeTruthy();
    expect(UserId.parse("aB3_xYz-0123456789abcdefghijklmn")).toBeTruthy();
    expect(TrackSlug.parse("rust/bank-transfer")).toBe("rust/bank-transfer");
    expect(QuizId.parse("async-rust")).toBe("async-rust");
    expect(Email.parse(" Ada@School.Example ")).toBe("ada@school.example");
  });

  it("refuse control characters, NUL included, naming the field and the character", () => {
    expect(problem(PersonName, "name", "Ada\u0000")).toBe("Invalid name: contains the control character U+0000");
    expect(problem(PersonName, "name", "Ada\nLovelace")).toMatch(/U\+000A/);
    expect(problem(SearchTerm, "q", "a\u001b[31m")).toMatch(/^Invalid q: .*U\+001B/);
    expect(problem(PersonName, "name", "a\u0085")).toMatch(/U\+0085/);
    expect(problem(PersonName, "name", "x\uD800")).toMatch(/broken Unicode/);
  });

  it("cap lengths without scanning huge text twice", () => {
    expect(problem(PersonName, "name", "a".repeat(100))).toBeNull();
    expect(problem(PersonName, "name", "a".repeat(101))).toBe("Invalid name: at most 100 characters");
    expect(problem(PersonName, "name", "\u0000".repeat(10_000_000))).toBe("Invalid name: at most 100 characters");
    expect(problem(SearchTerm, "q", "a".repeat(101))).toMatch(/at most 100/);
  });

  it("refuse wrong types and malformed ids", () => {
    expect(problem(PersonName, "name", 42)).toMatch(/^Invalid name/);
    expect(problem(Uuid, "classId", "not-a-uuid")).toBe("Invalid classId: is not an id");
    expect(problem(UserId, "userId", "../admin")).toMatch(/not a user id/);
    expect(problem(TrackSlug, "exerciseId", "ts/../x")).toMatch(/looks like/);
  });

  it("keep the code rules at the edge, with 413 for oversized code", () => {
    expect(Code.parse("fn main() {\r\n\tok();\n}\n")).toContain("\t");
    const nul = Code.safeParse("let a;\nlet b\u0000;");
    expect(nul.success ? null : [zodErrorCode(nul.error), describeZodError(nul.error)]).toEqual([
      "bad_request",
      expect.stringMatching(/U\+0000 on line 2/),
    ]);
    const big = Code.safeParse("é".repeat(40_000));
    expect(big.success ? null : zodErrorCode(big.error)).toBe("too_large");
  });
});
