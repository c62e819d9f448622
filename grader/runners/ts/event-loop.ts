// The event loop of one call, owned by the host. The main isolate never runs on its own: the
// host enters it once to start the exported function, then once per resumed wait ("slice"),
// and measures each slice with the isolate's own busy-time counter — native, outside the
// student's reach, and excluding time spent in our host callbacks. Between slices the host
// decides what happens next: the next ready wait, a jump of the virtual clock, or waiting for
// real events from workers. Verdicts come from this bookkeeping, never from the isolate.
import ivm from "isolated-vm";
import type { Span } from "../../contract.ts";
import { receivedOutcome, type Channels } from "./channels.ts";
import { cpuMsOf, transferable } from "./isolate-setup.ts";
import { describeDeadlock } from "./deadlock.ts";
import type { MainCpu } from "./main-cpu.ts";
import { DEFAULT_MAX_VIRTUAL_MS, type RuntimeOptions, type Stall, type WaitRecord } from "./runtime.ts";
import type { TimeLimit } from "./time-limit.ts";
import { parseWait, type WaitRequest } from "./wait-request.ts";
import { blockedVerdict, verdict, type Verdict } from "./verdicts.ts";
import { clipText } from "../../plain-data.ts";
import { COPY_FAILED, parseEnvelope, type Taken } from "./student-value.ts";

export type Outcome = { ok: boolean; value: unknown };
type Wait = WaitRecord & {
  id: number;
  holder: "main" | number;
  /** Set once the wait is over; a timer keeps its result in `timerResult` until it is due. */
  outcome?: Outcome;
  timerResult?: Outcome;
  resume?: (o: Outcome) => void;
  channel?: number;
};
export type LoopRefs = { start: ivm.Reference; deliver: ivm.Reference; takeResult: ivm.Reference };

/** Hooks into the worker pool, attached once the pool exists. */
export type PoolHooks = {
  /** Any worker starting, or running and not blocked in a host wait. */
  busy(): boolean;
  /** Registers interest in a worker's end; returns its name (throws for unknown handles). */
  join(id: unknown, done: (o: Outcome) => void): string;
  nameOf(id: number): string;
  /** Every live worker asleep (some in Atomics.wait without a timeout), or null. */
  stuck(): Stuck | null;
};
export type Stuck = { key: string; sleepers: string[] };

const MAX_PENDING_WAITS = 100_000;
const MAX_RECORDED_SPANS = 4_000;
/**
 * Workers asleep in Atomics.wait with nothing left to notify them are a deadlock once the
 * picture has not changed for this long. A thread that was notified stores its wake-up within
 * microseconds (a few ms on a crowded machine), and a real deadlock never moves, so the margin
 * is wide on both sides; it is still far below every exercise's time limits. Counted on the
 * unstarved clock: a notified thread kept waiting for a core does not make the picture stale.
 */
export const ATOMICS_DEADLOCK_MS = 500;
const STUCK_POLL_MS = 5;
const IDLE_POLL_MS = 25;

export class EventLoop {
  accepting = false;
  finished = false;
  private ended: Verdict | null = null;
  /** The virtual clock's ms since the call started (clock "virtual"), up to the last real stretch. */
  private virtualMs = 0;
  private realSince: number | null = null;
  private readonly realStart = performance.now();
  private readonly waits = new Map<number, Wait>();
  private readonly done: Wait[] = [];
  private readonly timers: Wait[] = [];
  private readonly ready: Wait[] = [];
  private readonly spans: Span[] = [];
  private nextId = 1;
  private poke: (() => void) | null = null;
  private pool: PoolHooks = { busy: () => false, join: () => "", nameOf: (id) => `worker ${id}`, stuck: () => null };
  /** Since when (unstarved ms, and wall ms) the workers have been stuck in the same way, as `Stuck.key` says. */
  private suspect: { key: string; since: number; sinceWall: number } | null = null;
  longest: Stall = { ms: 0, task: "", at: 0 };
  stalls: Stall[] = [];

  constructor(
    private readonly options: {
      isolate: ivm.Isolate;
      runtime: RuntimeOptions;
      channels: Channels;
      exportName: string;
      /** The call's time limit: isolated-vm's timeouts are its safety net (time-limit.ts). */
      time: TimeLimit;
      /** Trace time of this call's start (the test's clock). */
      origin: number;
      /** Where each slice's CPU is measured and the main isolate's total kept. */
      mainCpu: MainCpu;
    },
  ) {}

  attachPool(hooks: PoolHooks): void {
    this.pool = hooks;
  }

  /** ms since the call started, on this call's clock. */
  elapsed(): number {
    if (this.options.runtime.clock === "real") return performance.now() - this.realStart;
    return this.realSince === null ? this.virtualMs : this.virtualMs + (performance.now() - this.realSince);
  }

  /** Trace time (the test's clock). */
  now(): number {
    return this.options.origin + this.elapsed();
  }

  /** Something happened outside the main isolate (a worker ended, blocked, or sent). */
  notify(): void {
    this.poke?.();
  }

  stop(v: Verdict): void {
    this.ended ??= v;
    this.notify();
  }

  /** The verdict the runtime itself reached: blocked, deadlock, or hung in virtual time. */
  verdict(): Verdict | null {
    const limit = this.options.runtime.maxStallMs;
    if (limit !== undefined && this.longest.ms > limit) return blockedVerdict(this.longest, limit, this.heartbeat());
    return this.ended;
  }

  // ---- host callbacks ------------------------------------------------------------------

  /** The main isolate's host.wait(kind, subject, latencyMs, value, task, daemon) -> id. */
  mainWait(
    kind: unknown,
    subject: unknown,
    latencyMs: unknown,
    value: unknown,
    task: unknown,
    daemon: unknown,
  ): number {
    if (!this.accepting)
      throw new Error(
        "sleep, io, fetchData, yieldNow, recv and join can only be used inside your exported functions, not while the module loads",
      );
    const request = parseWait(kind, subject, latencyMs, value, {
      serve: this.options.runtime.serve,
      channels: this.options.channels,
      holder: "main",
    });
    const name = typeof task === "string" && task.length > 0 ? task.slice(0, 80) : this.options.exportName;
    const wait = this.register(request, "main", name, "main", daemon === true);
    return wait.id;
  }

  /** A worker's blocking wait: resolves (for applySyncPromise) once the host wakes it. */
  workerWait(worker: number, kind: unknown, subject: unknown, latencyMs: unknown, value: unknown): Promise<unknown> {
    const name = this.pool.nameOf(worker);
    return new Promise((resolve) => {
      const request = parseWait(kind, subject, latencyMs, value, {
        serve: this.options.runtime.serve,
        channels: this.options.channels,
        holder: worker,
      });
      const wait = this.register(request, worker, name, name, false);
      wait.resume = (o) => resolve(new ivm.ExternalCopy([o.ok, o.value]).copyInto({ release: true }));
      if (wait.outcome) this.complete(wait);
      this.notify();
    }).catch((error: unknown) =>
      new ivm.ExternalCopy([false, error instanceof Error ? error.message : String(error)]).copyInto({ release: true }),
    );
  }

  /** host.finish(): the exported function's promise settled (its value is taken separately). */
  finish(): void {
    this.finished = true;
  }

  /** Worker waits still blocked (worker id -> wait id): idle, from the clock's point of view. */
  blockedWorkers(): Map<number, number> {
    const blocked = new Map<number, number>();
    for (const w of this.waits.values()) if (w.holder !== "main") blocked.set(w.holder, w.id);
    return blocked;
  }

  /** Releases workers blocked in waits (their isolates are being stopped). */
  releaseWorkers(): void {
    for (const w of [...this.waits.values()])
      if (w.holder !== "main") this.settle(w, { ok: false, value: "the call ended" });
  }

  // ---- driving the call ------------------------------------------------------------------

  async run(refs: LoopRefs, fn: ivm.Reference, args: unknown[]): Promise<void> {
    this.accepting = true;
    const heartbeat = this.options.runtime.heartbeatMs ?? 0;
    await this.slice(this.options.exportName, () =>
      refs.start.apply(
        undefined,
        [fn.derefInto(), new ivm.ExternalCopy(args).copyInto({ release: true }), this.options.exportName, heartbeat],
        { timeout: this.remaining() },
      ),
    );
    while (!this.finished && !this.ended) {
      const next = this.ready.shift();
      if (next) {
        await this.deliver(refs, next);
        continue;
      }
      this.fireDue();
      if (this.ready.length > 0) continue;
      const maxVirtualMs = this.options.runtime.maxVirtualMs ?? DEFAULT_MAX_VIRTUAL_MS;
      if (this.elapsed() > maxVirtualMs) {
        this.stop(
          verdict(
            "timeout",
            `${this.options.exportName}(…) was still waiting after ${maxVirtualMs / 1000} s of virtual time (a loop of waits that never ends?)`,
          ),
        );
        break;
      }
      const due = this.nextDue(false);
      if (!this.pool.busy()) {
        if (due === undefined) {
          this.stop(
            verdict(
              "deadlock",
              describeDeadlock({
                exportName: this.options.exportName,
                waits: [...this.waits.values()],
                channels: this.options.channels,
              }),
            ),
          );
          break;
        }
        if (this.options.runtime.clock === "virtual") {
          this.virtualMs = Math.max(this.virtualMs, this.nextDue(true) ?? due);
          continue;
        }
      } else if (due === undefined) {
        if (this.atomicsDeadlock()) break;
        // A worker falling asleep in Atomics.wait tells nobody: look again shortly.
        const poll = this.elapsed() + (this.suspect ? STUCK_POLL_MS : IDLE_POLL_MS);
        await this.waitForEvents(Math.min(this.nextDue(true) ?? poll, poll));
        continue;
      }
      await this.waitForEvents(this.nextDue(true));
    }
  }

  /**
   * Workers sleep in Atomics.wait, the others wait on the host, main waits with no timer due:
   * if that stays exactly so for ATOMICS_DEADLOCK_MS (polled; any main slice starts the count
   * again, since it could have called Atomics.notify), nobody is left to wake anybody.
   */
  private atomicsDeadlock(): boolean {
    const stuck = this.pool.stuck();
    if (!stuck) {
      this.suspect = null;
      return false;
    }
    const clock = this.options.time.clock;
    // The bound is at least the true unstarved time, so the stretch measured is never too long.
    if (this.suspect?.key !== stuck.key)
      this.suspect = { key: stuck.key, since: clock.bound(), sinceWall: clock.wallMs() };
    if (clock.wallMs() - this.suspect.sinceWall < ATOMICS_DEADLOCK_MS) return false;
    if (clock.elapsedMs() - this.suspect.since < ATOMICS_DEADLOCK_MS) return false;
    this.stop(
      verdict(
        "deadlock",
        describeDeadlock({
          exportName: this.options.exportName,
          waits: [...this.waits.values()],
          channels: this.options.channels,
          sleepers: stuck.sleepers,
        }),
      ),
    );
    return true;
  }

  /**
   * The call's outcome, as the harness tagged it inside the isolate. The copy runs after the
   * student's code is done, so when it throws and the isolate was not stopped, the value itself
   * could not be copied (e.g. a Proxy): that is the student's value, not their throw.
   */
  async takeResult(refs: LoopRefs): Promise<Taken> {
    let raw: unknown;
    try {
      raw = await refs.takeResult.apply(undefined, [], { result: { copy: true }, timeout: this.remaining() });
    } catch (error) {
      if (this.options.isolate.isDisposed || this.options.time.netPassed()) throw error;
      return COPY_FAILED;
    }
    return parseEnvelope(raw) ?? COPY_FAILED;
  }

  // ---- bookkeeping -----------------------------------------------------------------------

  private register(request: WaitRequest, holder: "main" | number, task: string, thread: string, daemon: boolean): Wait {
    if (this.waits.size >= MAX_PENDING_WAITS)
      throw new RangeError(`more than ${MAX_PENDING_WAITS} waits are pending at once`);
    const start = this.elapsed();
    const wait: Wait = {
      id: this.nextId++,
      holder,
      kind: request.kind,
      task,
      thread,
      label: request.label,
      start,
      daemon,
    };
    this.waits.set(wait.id, wait);
    try {
      if (request.kind === "join") {
        wait.label = `join ${this.pool.join(request.worker, (o) => this.settle(wait, o))}`;
      } else if (request.kind === "recv") {
        const got = this.options.channels.recv(holder, request.handle, (d) => this.settle(wait, receivedOutcome(d)));
        if ("now" in got) this.settle(wait, receivedOutcome(got.now));
        else {
          wait.channel = got.waiting;
          wait.label = `rx.recv() on channel ${got.waiting}`;
        }
      } else {
        if (request.url !== undefined) wait.url = request.url;
        wait.due = start + request.delayMs;
        wait.timerResult = request.outcome;
        this.timers.push(wait);
      }
    } catch (error) {
      // A refused wait (unknown handle, someone else's Receiver) must not linger: a worker
      // would look blocked forever and the clock could jump past its real work.
      this.waits.delete(wait.id);
      throw error;
    }
    return wait;
  }

  /** A wait's result is known: main waits queue for a slice, worker waits resume at once. */
  private settle(wait: Wait, outcome: Outcome): void {
    if (!this.waits.has(wait.id)) return;
    wait.outcome = outcome;
    if (wait.holder === "main") this.ready.push(wait);
    else this.complete(wait);
    this.notify();
  }

  private complete(wait: Wait): void {
    if (!wait.resume || !wait.outcome) return;
    this.waits.delete(wait.id);
    wait.end = this.elapsed();
    this.record(wait);
    wait.resume(wait.outcome);
  }

  private fireDue(): void {
    const now = this.elapsed();
    const due = this.timers
      .filter((t) => (t.due ?? 0) <= now)
      .sort((a, b) => (a.due ?? 0) - (b.due ?? 0) || a.id - b.id);
    if (due.length === 0) return;
    const fired = new Set(due);
    this.timers.splice(0, this.timers.length, ...this.timers.filter((t) => !fired.has(t)));
    for (const t of due) this.settle(t, t.timerResult ?? { ok: true, value: undefined });
  }

  private nextDue(includeDaemons: boolean): number | undefined {
    let next: number | undefined;
    for (const t of this.timers)
      if ((includeDaemons || !t.daemon) && (next === undefined || (t.due ?? 0) < next)) next = t.due;
    return next;
  }

  private async deliver(refs: LoopRefs, wait: Wait): Promise<void> {
    this.waits.delete(wait.id);
    wait.end = this.elapsed();
    this.record(wait);
    const outcome = wait.outcome ?? { ok: true, value: undefined };
    const value = outcome.ok ? transferable(outcome.value) : String(outcome.value);
    await this.slice(wait.task, () =>
      refs.deliver.apply(undefined, [wait.id, outcome.ok, value, wait.task], { timeout: this.remaining() }),
    );
  }

  /**
   * Runs one slice of main-isolate code and measures it: the isolate's busy time, capped by the
   * whole process's CPU time over the same stretch. Busy time also counts time the isolate's
   * thread sat waiting for a core, so on a crowded machine a 2 ms slice once read over 50 ms
   * (2 grades in 100 flipped to blocked_runtime); CPU time cannot stretch that way, and a
   * slice that really computes for 400 ms uses 400 ms of CPU either way. Both are upper bounds
   * of the slice's own cost, so the smaller is the closer. main-cpu.ts also adds the slice to
   * the main isolate's CPU total.
   */
  private async slice(task: string, run: () => Promise<unknown>): Promise<void> {
    this.suspect = null;
    const before = cpuMsOf(this.options.isolate);
    const mark = this.options.mainCpu.begin();
    const start = this.elapsed();
    try {
      await run();
    } finally {
      const ms = this.options.mainCpu.end(mark, Math.max(cpuMsOf(this.options.isolate) - before, 0));
      if (this.options.runtime.clock === "virtual") this.virtualMs += Math.floor(ms);
      const end = Math.max(this.elapsed(), start);
      // A slice under 1 ms has no width on the virtual axis: nothing to draw.
      if (end > start) this.span({ task, thread: "main", kind: "run", start, end });
      if (ms > this.longest.ms) this.longest = { ms, task, at: start };
      const limit = this.options.runtime.maxStallMs;
      if (limit !== undefined && ms > limit) {
        this.stalls.push({ ms, task, at: start });
        this.spans.push(
          this.traced({ task, thread: "main", kind: "blocked", start, end: Math.max(end, start + Math.floor(ms)) }),
        );
      }
    }
  }

  private async waitForEvents(dueAt: number | undefined): Promise<void> {
    if (this.options.runtime.clock === "virtual") this.realSince = performance.now();
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.poke = resolve;
      if (dueAt !== undefined) timer = setTimeout(resolve, Math.max(dueAt - this.elapsed(), 0));
    });
    clearTimeout(timer);
    this.poke = null;
    if (this.realSince !== null) {
      this.virtualMs += performance.now() - this.realSince;
      this.realSince = null;
    }
  }

  /** isolated-vm's timeout for one entry into the isolate: a backstop; the host's watchdog stops the call. */
  private remaining(): number {
    return this.options.time.isolateTimeoutMs();
  }

  private record(wait: Wait): void {
    this.done.push(wait);
    if (wait.end !== undefined) {
      this.span({
        task: wait.daemon ? wait.task : `${wait.task} › ${wait.label}`,
        thread: wait.thread,
        kind: "wait",
        start: wait.start,
        end: wait.end,
      });
    }
  }

  private span(s: Span): void {
    if (this.spans.length < MAX_RECORDED_SPANS) this.spans.push(this.traced(s));
  }

  private traced(s: Span): Span {
    // Names come from the student (task names, urls, labels): cut, never rejected by the schema.
    return {
      ...s,
      task: clipText(s.task, 200),
      thread: clipText(s.thread, 200),
      start: this.options.origin + s.start,
      end: this.options.origin + s.end,
    };
  }

  /** Spans so far, plus main's waits still open at the end, cut there and marked as never resumed. */
  trace(): Span[] {
    const end = this.elapsed();
    const open = [...this.waits.values()]
      .filter((w) => w.holder === "main" && !w.daemon)
      .map((w) =>
        this.traced({
          task: `${w.task} › ${w.label} (never resumed)`,
          thread: "main",
          kind: "wait",
          start: w.start,
          end: Math.max(end, w.start),
        }),
      );
    return [...this.spans, ...open.slice(0, Math.max(MAX_RECORDED_SPANS - this.spans.length, 0))];
  }

  /** Every wait the host saw: resumed ones, and those still pending when the call ended. */
  waitRecords(): WaitRecord[] {
    const strip = ({
      id: _i,
      holder: _h,
      outcome: _o,
      timerResult: _t,
      resume: _r,
      channel: _c,
      ...rest
    }: Wait): WaitRecord => rest;
    return [...this.done, ...this.waits.values()].map(strip);
  }

  /** How the harness's heartbeat fared: beats, and the longest time it went without one. */
  heartbeat(): { everyMs: number; beats: number; longestGapMs: number } | undefined {
    const every = this.options.runtime.heartbeatMs;
    if (!every) return undefined;
    const beats = this.done.filter((w) => w.daemon && w.end !== undefined);
    const open = [...this.waits.values()].filter((w) => w.daemon).map((w) => this.elapsed() - w.start);
    const gaps = [...beats.map((w) => (w.end ?? 0) - w.start), ...open];
    return { everyMs: every, beats: beats.length, longestGapMs: Math.round(Math.max(0, ...gaps)) };
  }
}
