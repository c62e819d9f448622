import { spawn } from "interleave";

/**
 * Starts `workers` workers that each add 1 to a shared counter `perWorker` times,
 * waits for all of them, and returns the final count.
 */
export async function count(workers: number, perWorker: number): Promise<number> {
  // One 32-bit integer that every worker sees: the memory is shared, not copied.
  const counter = new Int32Array(new SharedArrayBuffer(4));

  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(
      spawn(
        ({ counter, times }) => {
          for (let i = 0; i < times; i++) {
            counter[0]++; // TODO: is this safe when other workers do it at the same time?
          }
        },
        { counter, times: perWorker },
      ),
    );
  }
  for (const handle of handles) await handle.join();
  return counter[0];
}
