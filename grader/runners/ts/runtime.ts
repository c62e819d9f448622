// The seam for the harness-owned runtime (DESIGN.md, Runners: "the harness owns timers and the
// task queue"). Today only the real clock exists and it installs nothing: the isolates have
// no timers at all. A virtual clock (sleep/fetch that jump time when every task waits, timing
// of each synchronous slice to detect a blocked runtime) implements this same interface:
// `install` adds its globals to every main/worker context, `harnessExports` adds exports such
// as `sleep` to the "interleave" module, and `spans`/`timing` feed the test's trace and timing.
import type ivm from "isolated-vm";
import type { Span, Timing } from "../../contract.ts";

export type IsolateRole = { kind: "main" } | { kind: "worker"; name: string };

export interface CallRuntime {
  readonly clock: "real" | "virtual";
  /** Called for every fresh context before student code runs in it. */
  install(context: ivm.Context, role: IsolateRole): Promise<void>;
  /** Extra source appended to the "interleave" module (must only add exports). */
  readonly harnessExports: string;
  /** Spans the runtime observed (waits, blocked slices), in ms from the test start. */
  spans(): Span[];
  /** Timing the runtime measured (virtualMs, longestStallMs). */
  timing(): Partial<Timing>;
}

export function realClockRuntime(): CallRuntime {
  return {
    clock: "real",
    install: async () => {},
    harnessExports: "",
    spans: () => [],
    timing: () => ({}),
  };
}
