// Wrong on purpose: the count is right, but one worker does all the counting while the
// others have nothing to do, so the work is not spread across threads.
import { spawn } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const handles = [];
  for (let w = 0; w < workers; w++) {
    const times = w === 0 ? workers * perWorker : 0;
    handles.push(
      spawn(
        ({ counter, times }) => {
          for (let i = 0; i < times; i++) Atomics.add(counter, 0, 1);
        },
        { counter, times },
      ),
    );
  }
  for (const handle of handles) await handle.join();
  return Atomics.load(counter, 0);
}
