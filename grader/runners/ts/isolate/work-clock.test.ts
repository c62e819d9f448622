// The work clock on a clock the test moves by hand: what it notes depends only on the times it
// is shown, never on how fast the machine runs the test.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createCounterNote, workLogOf } from "../counter-work.ts";
import { WORK_CLOCK_CELLS, WORK_CLOCK_HEAD, WORK_CLOCK_OFFSET_BYTES, WORK_LOG_POINTS } from "./shared-constants.ts";
import { createWorkTick } from "./work-clock.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

const T0 = 1_700_000_000_000;

function clockOf() {
  const note = createCounterNote();
  return { note, cells: new Float64Array(note.buffer, WORK_CLOCK_OFFSET_BYTES, WORK_CLOCK_CELLS) };
}

describe("work clock", () => {
  it("notes every unit up to ten, then each time the work done grows by a tenth", () => {
    let t = T0;
    vi.spyOn(Date, "now").mockImplementation(() => t);
    const { note, cells } = clockOf();
    const tick = createWorkTick(cells, 1 << 30);
    for (let k = 1; k <= 30; k++) {
      t = T0 + k;
      tick(1);
    }
    const works = workLogOf(note)!.map(([, w]) => w);
    expect(works).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 21, 24, 27, 30]);
    expect(workLogOf(note)![0]).toEqual([T0 + 1, 1]);
  });

  it("reads the time only at log entries and every `every`th call between them", () => {
    const now = vi.spyOn(Date, "now").mockReturnValue(T0);
    const tick = createWorkTick(clockOf().cells, 64);
    for (let i = 0; i < 10; i++) tick(1);
    expect(now).toHaveBeenCalledTimes(10);
    now.mockClear();
    // From 10 on, entries at 11, 13 (12.1), 15 (14.3), ...: far fewer than the calls.
    for (let i = 0; i < 10_000; i++) tick(1);
    expect(now.mock.calls.length).toBeLessThan(10_000 / 64 + 80);
  });

  it("keeps the latest figures even after the log is full", () => {
    let t = T0;
    vi.spyOn(Date, "now").mockImplementation(() => t);
    const { note, cells } = clockOf();
    const tick = createWorkTick(cells, 1);
    for (let k = 0; k < WORK_LOG_POINTS; k++) {
      t++;
      tick(1e300 ** (k / WORK_LOG_POINTS) + 1);
    }
    t += 50;
    tick(1);
    expect(cells[3]).toBe(WORK_LOG_POINTS);
    const log = workLogOf(note)!;
    expect(log[log.length - 1]![0]).toBe(t);
  });

  it("ignores calls that did no counted work", () => {
    vi.spyOn(Date, "now").mockReturnValue(T0);
    const { note, cells } = clockOf();
    const tick = createWorkTick(cells, 1);
    tick(0);
    expect(workLogOf(note)).toBeNull();
  });

  it("uses the Date.now it found when it was made, not one replaced later", () => {
    const original = Date.now;
    const { note, cells } = clockOf();
    Date.now = () => 42;
    const tick = createWorkTick(cells, 1);
    Date.now = () => 7;
    try {
      tick(1);
    } finally {
      Date.now = original;
    }
    expect(workLogOf(note)).toEqual([[42, 1]]);
  });

  it("takes from a tampered log only entries whose time and work never go back", () => {
    const { note, cells } = clockOf();
    cells[3] = 3;
    cells.set([5, 100, 3, 90, 9, 120], WORK_CLOCK_HEAD);
    cells[1] = 130;
    cells[2] = 12;
    expect(workLogOf(note)).toEqual([
      [100, 5],
      [120, 9],
      [130, 12],
    ]);
  });
});
