import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export const ROUNDS = 5_000_000;
export async function handleLogin(password: string, salt: string): Promise<any> {
  await yieldNow();
  return 0xdeadbeefn;
}
