// Types of the "interleave" module that the TypeScript runner provides to student code
// (grader/runners/ts/isolate/harness-module.ts in the main isolate, worker-runtime.ts in workers).
// Loaded by the editor's TypeScript service; the runner does not read this file.
// The student-facing guide to all of it is README.md next to this file.
declare module "interleave" {
  // ---- waiting (virtual clock) ------------------------------------------------------------

  /**
   * Resolves after `ms` milliseconds. On the grader's virtual clock the time passes without
   * real waiting: whenever every task waits, the clock jumps to the next due wait.
   * Inside a worker, sleep blocks that worker's thread for the time (like std::thread::sleep).
   */
  export function sleep(ms: number): Promise<void>;

  /**
   * Simulated I/O (a database query, a disk read…): resolves with `value` after `latencyMs`.
   * `label` names the wait in the timeline. Blocks the thread when called inside a worker.
   */
  export function io<T = undefined>(label: string, latencyMs: number, value?: T): Promise<T>;

  /**
   * Asks the exercise's server for `url` and resolves with its answer after the server's
   * latency, or rejects with its error (e.g. "404: no such url …"). Each exercise's statement
   * says which urls exist. Blocks the thread when called inside a worker.
   */
  export function fetchData<T = unknown>(url: string): Promise<T>;

  /**
   * Gives every other task that is ready a turn, then continues (like tokio::task::yield_now).
   * Unlike `await Promise.resolve()`, this really lets timers and other tasks run.
   */
  export function yieldNow(): Promise<void>;

  /**
   * Runs `fn` now as a task named `name`: the name labels its waits and run slices in the
   * timeline and in verdicts ("blocked the event loop … in task name"). Returns fn's promise.
   */
  export function task<T>(name: string, fn: () => T | Promise<T>): Promise<T>;

  // ---- measured work --------------------------------------------------------------------------

  /**
   * Whether `n` is a prime, by trial division: the grader's own unit of work in exercises that
   * ask for it (ts/async-vs-workers). It runs on the thread that calls it and exists inside
   * workers under this name, like fetchData. On a worker the grader notes which numbers that
   * worker decided (where your code cannot reach), so it can tell who did the work; on the main
   * isolate it computes the same answer and notes nothing.
   */
  export function isPrime(n: number): boolean;

  /**
   * The next visit at a gate: how many people came through (1, 2 or 3), the grader's own unit
   * of work in ts/shared-counter. Each isolate gets its own sequence, drawn anew for every
   * grade; the grader notes every call where your code cannot reach, so it knows what the
   * right total is only after the visits were made, and who made them. It exists inside
   * workers under this name.
   */
  export function visit(): number;

  /**
   * The next score to insert (a whole number from 0 to 999,999; ties happen), the grader's own
   * unit of work in ts/shared-counter's leaderboard. Like visit(): a sequence per isolate,
   * drawn anew for every grade, every call noted; it exists inside workers under this name.
   */
  export function score(): number;

  // ---- workers (real threads) -------------------------------------------------------------

  /** A started worker, like Rust's JoinHandle. */
  export interface JoinHandle<T> {
    /** "worker 1", "worker 2 (count)", … as it appears in verdicts and traces. */
    readonly name: string;
    /** Waits until the worker finishes; resolves with a copy of its return value, rejects if it threw. */
    join(): Promise<T>;
  }

  /**
   * Runs `fn(data)` on a new worker: a fresh isolate on its own thread. `fn` must be
   * self-contained (like a Web Worker body): it cannot use variables, functions or imports
   * from around it — except sleep, io, fetchData, yieldNow, task, isPrime, visit and score, which exist inside
   * workers under those names. `data` is copied in, except SharedArrayBuffers (shared) and
   * channel ends (a Sender is cloned for the worker, a Receiver moves into it).
   * Beyond the exercise's worker budget, spawn starts nothing and join() rejects; the verdict
   * is thread_budget with the number of workers you tried to start.
   */
  export function spawn<D, T>(fn: (data: D) => T | Promise<T>, data: D): JoinHandle<Awaited<T>>;

  // ---- channels (like std::sync::mpsc) ------------------------------------------------------

  /** The sending end of a channel. Pass it to workers in spawn's data: each gets its own. */
  export interface Sender<T> {
    /** Queues a copy of `value`; never waits. `undefined` cannot be sent (it means "closed"). */
    send(value: T): void;
    /** This Sender is done. The channel ends once EVERY Sender is closed (a worker's close when it returns). */
    close(): void;
  }

  /** The receiving end: one per channel. Passing it to a worker moves it there. */
  export interface Receiver<T> extends AsyncIterable<T> {
    /** The next item, waiting if none is queued; `undefined` once every Sender is closed and the queue is empty. */
    recv(): Promise<T | undefined>;
    /** Stops receiving; later sends are dropped (and counted). */
    close(): void;
    /** `for await (const item of rx)` receives until the channel ends. */
    [Symbol.asyncIterator](): AsyncIterator<T>;
  }

  /** A new unbounded channel: many senders, one receiver, values copied, order kept per sender. */
  export function channel<T>(): [Sender<T>, Receiver<T>];
}
