// Wrong on purpose: `counter[0] += 1` is a separate read and write, so concurrent workers
// overwrite each other's increments.
import { spawn } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(
      spawn(
        ({ counter, times }) => {
          for (let i = 0; i < times; i++) counter[0] += 1;
        },
        { counter, times: perWorker },
      ),
    );
  }
  for (const handle of handles) await handle.join();
  return counter[0];
}
