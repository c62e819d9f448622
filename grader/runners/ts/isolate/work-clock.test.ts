// The work clock on a clock the test moves by hand: what it notes depends only on the times it
// is shown, never on how fast the machine runs the test.
import { afterEach, describe, expect, it, vi } from "vitest";
import { WORK_CLOCK_CELLS } from "./shared-constants.ts";
import { createWorkTick } from "./work-clock.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("work clock", () => {
  it("notes the first and the last unit of work", () => {
    const t0 = 1_700_000_000_000;
    const times = [t0, t0 + 5, t0 + 300, t0 + 301];
    let i = 0;
    vi.spyOn(Date, "now").mockImplementation(() => times[i++]!);
    const cells = new Float64Array(WORK_CLOCK_CELLS);
    const tick = createWorkTick(cells, 1);
    for (let k = 0; k < times.length; k++) tick();
    expect([...cells]).toEqual([t0, t0 + 301]);
  });

  it("reads the time only on the first call and every `every`th after it", () => {
    const now = vi.spyOn(Date, "now").mockReturnValue(1);
    const tick = createWorkTick(new Float64Array(WORK_CLOCK_CELLS), 64);
    for (let i = 0; i < 129; i++) tick();
    expect(now).toHaveBeenCalledTimes(3);
  });

  it("uses the Date.now it found when it was made, not one replaced later", () => {
    const original = Date.now;
    const cells = new Float64Array(WORK_CLOCK_CELLS);
    Date.now = () => 42;
    const tick = createWorkTick(cells, 1);
    Date.now = () => 7;
    try {
      tick();
    } finally {
      Date.now = original;
    }
    expect([...cells]).toEqual([42, 42]);
  });
});
