// The unstarved clock and the time limit on it, driven by a fake scheduler and a fake wall
// clock: no test here waits or measures real time, so a busy CI machine cannot change them.
import { describe, expect, it } from "vitest";
import { NET_MARGIN_MS, overtimeVerdict, SAFETY_NET_FACTOR, TimeLimit } from "./time-limit.ts";
import { PROC_SCHED, UnstarvedClock, type SchedReader } from "./unstarved-clock.ts";

/** A process whose threads' run_delay (in ms here) and wall clock the test sets by hand. */
class FakeProcess implements SchedReader {
  wall = 1000;
  readonly delays = new Map<string, number>();
  readable = true;
  threads(): string[] | null {
    return this.readable ? [...this.delays.keys()] : null;
  }
  runDelayNs(tid: string): number | null {
    const ms = this.delays.get(tid);
    return ms === undefined ? null : ms * 1e6;
  }
  clock(): UnstarvedClock {
    return new UnstarvedClock(this, () => this.wall);
  }
}

describe("unstarved clock", () => {
  it("advances with the wall while no thread waits for a core (busy or asleep alike)", () => {
    const p = new FakeProcess();
    p.delays.set("1", 50).set("2", 7);
    const clock = p.clock();
    p.wall += 800;
    expect(clock.elapsedMs()).toBe(800);
  });

  it("leaves out the time the most starved thread spent waiting for a core since the start", () => {
    const p = new FakeProcess();
    p.delays.set("1", 100).set("2", 0);
    const clock = p.clock();
    p.wall += 3000;
    // Thread 1 (say, the isolate's) waited 1800 ms of the 3000; Node's main thread 40 ms.
    p.delays.set("1", 1900).set("2", 40);
    expect(clock.elapsedMs()).toBe(1200);
    expect(clock.starvedMs()).toBe(1800);
  });

  it("stands still while every thread is kept waiting, and never goes back", () => {
    const p = new FakeProcess();
    p.delays.set("1", 0);
    const clock = p.clock();
    p.wall += 500;
    expect(clock.elapsedMs()).toBe(500);
    p.wall += 2000;
    p.delays.set("1", 2000);
    expect(clock.elapsedMs()).toBe(500);
    p.wall += 100;
    expect(clock.elapsedMs()).toBe(600);
  });

  it("counts all the delay of a thread started during the call, and keeps it after the thread ends", () => {
    const p = new FakeProcess();
    p.delays.set("1", 0);
    const clock = p.clock();
    p.wall += 1000;
    p.delays.set("9", 700);
    clock.sample();
    // isolated-vm's throwaway thread ended: its delay stays counted.
    p.delays.delete("9");
    p.wall += 100;
    expect(clock.elapsedMs()).toBe(400);
  });

  it("treats a thread id given again (its count restarted below the start's) as a new thread", () => {
    const p = new FakeProcess();
    p.delays.set("5", 900);
    const clock = p.clock();
    p.wall += 1000;
    p.delays.set("5", 300);
    expect(clock.elapsedMs()).toBe(700);
  });

  it("is the wall clock where /proc cannot be read", () => {
    const p = new FakeProcess();
    p.delays.set("1", 0);
    p.readable = false;
    const clock = p.clock();
    p.delays.set("1", 5000);
    p.wall += 1234;
    expect(clock.elapsedMs()).toBe(1234);
  });

  it("gives a cheap bound that is never below the fresh figure", () => {
    const p = new FakeProcess();
    p.delays.set("1", 0);
    const clock = p.clock();
    p.wall += 10;
    p.delays.set("1", 6);
    // Sampled 10 ms ago: the 6 ms of delay since are not known yet.
    expect(clock.bound()).toBe(10);
    expect(clock.elapsedMs()).toBe(4);
    expect(clock.bound()).toBe(4);
  });

  it("reads this process's run_delay from /proc (field 2 of schedstat)", () => {
    const tids = PROC_SCHED.threads();
    expect(tids).toContain(String(process.pid));
    expect(PROC_SCHED.runDelayNs(String(process.pid))).toBeGreaterThanOrEqual(0);
    expect(PROC_SCHED.runDelayNs("not-a-thread")).toBeNull();
  });
});

describe("time limit on the unstarved clock", () => {
  function limited(limitMs: number) {
    const p = new FakeProcess();
    p.delays.set("main", 0).set("isolate", 0);
    return { p, time: new TimeLimit(limitMs, p.clock()) };
  }

  it("ends a busy loop on a quiet machine at the limit", () => {
    const { p, time } = limited(3000);
    p.wall += 2999;
    expect(time.check()).toBeNull();
    p.wall += 2;
    expect(time.check()).toBe("limit");
    expect(overtimeVerdict(time, { subject: "main(…)" })).toMatchObject({ status: "error", reason: "timeout" });
    expect(overtimeVerdict(time, { subject: "main(…)" }).message).toMatch(
      /^main\(…\) was still running after 3000 ms of its own time/,
    );
  });

  it("keeps the timeout once the limit was seen passed, though starvation found later lowers the figure", () => {
    // The stop is decided at 401 ms; a thread that had waited for a core reports that wait only
    // when it runs again, so the next reading says 395 ms. The verdict is the stop's: timeout.
    const { p, time } = limited(400);
    p.wall += 401;
    expect(time.check()).toBe("limit");
    p.wall += 4;
    p.delays.set("isolate", 10);
    expect(time.clock.elapsedMs()).toBe(395);
    expect(overtimeVerdict(time, { subject: "worker 1" })).toMatchObject({ status: "error", reason: "timeout" });
  });

  it("does not charge a starved call for the wait: at 3 s of wall with half of it queued, it still runs", () => {
    const { p, time } = limited(3000);
    p.wall += 3500;
    p.delays.set("isolate", 1750);
    expect(time.check()).toBeNull();
    // Twice the wall, half of it starved: now it has had its 3000 ms.
    p.wall += 2600;
    p.delays.set("isolate", 3050);
    expect(time.check()).toBe("limit");
    expect(overtimeVerdict(time, { subject: "main(…)" }).reason).toBe("timeout");
  });

  it("ends a wait that never returns (an asleep thread is not starved) at the limit", () => {
    const { p, time } = limited(400);
    p.wall += 399;
    expect(time.check()).toBeNull();
    p.wall += 50;
    p.delays.set("main", 1);
    expect(time.check()).toBe("limit");
  });

  it("stops at the wall-clock safety net without calling it the student's timeout", () => {
    const { p, time } = limited(3000);
    expect(time.netMs).toBe(SAFETY_NET_FACTOR * 3000);
    p.wall += time.netMs - 1;
    p.delays.set("isolate", time.netMs - 600);
    expect(time.check()).toBeNull();
    p.wall += 1;
    expect(time.check()).toBe("net");
    const v = overtimeVerdict(time, { subject: "main(…)" });
    expect(v).toMatchObject({ status: "error", reason: "internal" });
    expect(v.message).toBe(
      "main(…) got only 600 ms of its own time in 15 s: the grading machine was too busy to give it the 3000 ms it may use, so this is no verdict on your code — grade again",
    );
  });

  it("keeps short limits' net well past them", () => {
    expect(limited(300).time.netMs).toBe(300 + NET_MARGIN_MS);
  });

  it("gives isolated-vm a timeout past the net, so the host decides first", () => {
    const { p, time } = limited(1000);
    expect(time.isolateTimeoutMs()).toBeGreaterThan(time.netMs);
    p.wall += 100_000;
    expect(time.isolateTimeoutMs()).toBe(1);
  });

  it("names what was loading, for the module's own limit", () => {
    const { p, time } = limited(500);
    p.wall += 600;
    expect(
      overtimeVerdict(time, { subject: "your module", doing: "loading", hint: ": top-level code must finish quickly" })
        .message,
    ).toBe(
      "your module was still loading after 500 ms of its own time (time a busy machine kept it waiting for a core is not counted): top-level code must finish quickly",
    );
  });
});
