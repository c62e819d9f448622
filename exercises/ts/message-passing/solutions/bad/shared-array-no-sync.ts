// Wrong on purpose: producers write into a shared array, and gather reads it without any
// synchronisation — no join, message or Atomics.wait tells it that the items are there.
// It reads before the workers have even started (they start when gather first awaits),
// so it finds nothing. (The plain `shared[0]++` would also lose items between producers.)
import { spawn } from "interleave";

export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const shared = new Int32Array(new SharedArrayBuffer(4 * (1 + producers * perProducer)));
  const handles = [];
  for (let k = 0; k < producers; k++) {
    handles.push(
      spawn(
        ({ shared, first, count }) => {
          for (let i = 0; i < count; i++) {
            const slot = shared[0]++;
            shared[1 + slot] = first + i;
          }
        },
        { shared, first: k * perProducer, count: perProducer },
      ),
    );
  }
  const items = Array.from(shared.subarray(1, 1 + shared[0]));
  for (const handle of handles) await handle.join();
  return items;
}
