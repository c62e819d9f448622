import { spawn } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(
      spawn(
        ({ counter, times }) => {
          // Read, add and write as one indivisible step: no other worker can slip in between.
          for (let i = 0; i < times; i++) Atomics.add(counter, 0, 1);
        },
        { counter, times: perWorker },
      ),
    );
  }
  for (const handle of handles) await handle.join();
  return Atomics.load(counter, 0);
}
