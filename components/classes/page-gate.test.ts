import { describe, expect, it } from "vitest";
import { JoinCode } from "@/lib/classes/schemas";
import { TrackSlug, UserId } from "@/lib/http/schemas";
import { pageParam } from "./page-gate";

/** notFound() throws Next's 404 signal; anything else (a URIError) would be a 500. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    const digest =
      typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : String(error);
    return digest.includes("404") ? "404" : `threw ${digest}`;
  }
}

describe("pageParam", () => {
  it("parses a segment, encoded or not, with its edge schema", () => {
    expect(pageParam(JoinCode, "abcd-efgh")).toBe("ABCDEFGH");
    expect(pageParam(JoinCode, "ABCD%20EFGH")).toBe("ABCDEFGH");
    expect(pageParam(TrackSlug, ["ts", "shared-counter"])).toBe("ts/shared-counter");
  });

  it("answers 404 for malformed escapes, control characters and oversized segments", () => {
    expect(outcome(() => pageParam(JoinCode, "%E0%A4%A"))).toBe("404");
    expect(outcome(() => pageParam(JoinCode, "%00"))).toBe("404");
    expect(outcome(() => pageParam(JoinCode, "A".repeat(3000)))).toBe("404");
    expect(outcome(() => pageParam(TrackSlug, ["%E0%A4%A", "x"]))).toBe("404");
    expect(outcome(() => pageParam(UserId, "a\u0000b"))).toBe("404");
  });
});
