// How one call's runtime behaves (DESIGN.md, Runners: "the harness owns timers and the task
// queue"). The event loop (event-loop.ts) implements it for every call:
// - clock "virtual" (tokio's start_paused): waits take their nominal time, but the clock jumps
//   straight to the next due wait whenever nothing is running; running code advances it by its
//   measured length in whole ms. Three overlapping 100 ms fetches end at exactly 100 ms.
// - clock "real": nothing jumps; sleep(100) waits 100 ms of wall time.
// Stalls (a slice of main-isolate code between two yields) are measured in both.

/** What fetchData(url) answers in this call: the exercise's fake server, host-side and trusted. */
export type FetchResponse = { latencyMs: number; value?: unknown; error?: string };
export type FetchServer = (url: string) => FetchResponse;

export type RuntimeOptions = {
  clock: "virtual" | "real";
  serve?: FetchServer;
  /** Runs the harness's own "heartbeat" task in the main isolate, waking every this many ms. */
  heartbeatMs?: number;
  /** A slice longer than this fails the call with blocked_runtime; unset = measured only. */
  maxStallMs?: number;
  /** Virtual time after which a call counts as hung (a loop of sleeps that never ends). */
  maxVirtualMs?: number;
  /** isPrime(n) for n at or above this is no part of the call's work: it moves no work clock. */
  primesCountedBelow?: number;
};

export const DEFAULT_MAX_VIRTUAL_MS = 600_000;

export type IsolateRole = { kind: "main" } | { kind: "worker"; name: string };

/** One wait as the host saw it, on the call's clock (ms from the call's start). */
export type WaitRecord = {
  kind: "sleep" | "io" | "fetch" | "yield" | "join" | "recv";
  task: string;
  label: string;
  /** For fetchData: the url asked for (as the server saw it, cut at 200 characters). */
  url?: string;
  /** Where the wait ran: "main" or a worker's name. */
  thread: string;
  start: number;
  /** For timed waits: when it was due. */
  due?: number;
  /** When it was resumed; absent if the call ended first. */
  end?: number;
  daemon: boolean;
};

/** The longest slice of main-isolate code between two yields. */
export type Stall = { ms: number; task: string; at: number };
