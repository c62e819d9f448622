import { describe, expect, it } from "vitest";
import { csvField } from "./gradebook-csv.ts";
import { JoinCode } from "./schemas.ts";
import { formatJoinCode } from "./join-code.ts";

describe("csvField", () => {
  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('Say "hi", Bob')).toBe('"Say ""hi"", Bob"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(null)).toBe("");
    expect(csvField(0.5)).toBe("0.5");
    expect(csvField(false)).toBe("false");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-1)).toBe("-1");
  });
});

describe("join codes", () => {
  it("accept what people type and refuse what cannot be a code", () => {
    expect(JoinCode.parse(" abcd-efgh ")).toBe("ABCDEFGH");
    expect(JoinCode.safeParse("ABCDEFG").success).toBe(false);
    // 0, O, 1 and I are left out of the alphabet.
    expect(JoinCode.safeParse("ABCDEFG0").success).toBe(false);
    expect(JoinCode.safeParse("ABCDEFGI").success).toBe(false);
    expect(formatJoinCode("ABCDEFGH")).toBe("ABCD-EFGH");
  });
});
