import { sleep, spawn } from "interleave";
export const ROUNDS = 5_000_000;
// Spawns a worker, then blocks main in Atomics.wait (with timeout) polling a done flag.
export async function handleLogin(password: string, salt: string): Promise<string> {
  const flag = new Int32Array(new SharedArrayBuffer(4 * 5));
  const h = spawn(({ flag, s, n }) => {
    let [a, b, c, d] = s as [number, number, number, number];
    for (let r = 0; r < n; r++) {
      a = (Math.imul(a ^ (b >>> 15), 0x2c1b3c6d) + r) | 0;
      b = Math.imul(b ^ (c >>> 13), 0x297a2d39) ^ a;
      c = (c + Math.imul(d ^ (a >>> 16), 0x85ebca6b)) | 0;
      d = ((d ^ c) + ((d << 7) | (d >>> 25))) | 0;
    }
    flag[1] = a; flag[2] = b; flag[3] = c; flag[4] = d;
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  }, { flag, s: seed(password, salt), n: ROUNDS });
  await sleep(0); // let the worker start
  while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 10);
  await h.join();
  return toHex([flag[1]!, flag[2]!, flag[3]!, flag[4]!]);
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

