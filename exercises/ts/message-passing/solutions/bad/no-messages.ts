// Wrong on purpose (a cheat): the right shape — every number exactly once, each producer's in
// order — computed by gather itself. The producers run, but send nothing; no item is passed.
import { spawn } from "interleave";

export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const handles = [];
  for (let k = 0; k < producers; k++) handles.push(spawn((k: number) => k, k));
  for (const h of handles) await h.join();
  return Array.from({ length: producers * perProducer }, (_, i) => i);
}
