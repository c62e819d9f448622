// Types of the "interleave" module that the TypeScript runner provides to student code
// (grader/runners/ts/isolate-sources.ts). For editors; the runner does not read this file.
declare module "interleave" {
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
   * from around it. `data` is copied in, except SharedArrayBuffers, which stay shared.
   */
  export function spawn<D, T>(fn: (data: D) => T | Promise<T>, data: D): JoinHandle<Awaited<T>>;
}
