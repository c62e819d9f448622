// A distinct unprivileged uid for every sandbox running at the same time on this host: the
// RLIMIT_NPROC pids cap counts processes per uid, so two jobs sharing a uid would share it.
// Live pids are unique, so pid-derived uids never collide between grading processes; a few
// slots per process cover the rare concurrent runs inside one process (tests).
const BASE_UID = 200_000;
const SLOTS = 4;
const busy = new Set<number>();
const waiting: (() => void)[] = [];

/** Every uid this process's sandboxes run as (the containment tests look for leftovers). */
export function sandboxUidsOf(pid: number): number[] {
  return [...Array(SLOTS).keys()].map((slot) => BASE_UID + pid * SLOTS + slot);
}

export async function withSandboxUid<T>(use: (uid: number) => Promise<T>): Promise<T> {
  let slot = -1;
  while (slot < 0) {
    slot = [...Array(SLOTS).keys()].find((s) => !busy.has(s)) ?? -1;
    if (slot < 0) await new Promise<void>((resolve) => waiting.push(resolve));
  }
  busy.add(slot);
  try {
    return await use(BASE_UID + process.pid * SLOTS + slot);
  } finally {
    busy.delete(slot);
    waiting.shift()?.();
  }
}
