import { describe, expect, it } from "vitest";
import { defaultWorkerCount } from "./grading-workers.ts";

describe("defaultWorkerCount", () => {
  it("gives one worker per two cores, never none", () => {
    expect([1, 2, 3, 4, 8, 16].map((cores) => defaultWorkerCount(cores))).toEqual([1, 1, 1, 2, 4, 8]);
  });
});
