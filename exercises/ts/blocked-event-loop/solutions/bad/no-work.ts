// Wrong on purpose (a cheat): the right shape — 32 hex digits derived from password and salt,
// returned at once — but the rounds of stretching are skipped, so nothing ever blocks.
export async function handleLogin(password: string, salt: string): Promise<string> {
  return toHex(seed(password, salt));
}

function seed(password: string, salt: string): number[] {
  const state = [0x6a09e667 | 0, 0xbb67ae85 | 0, 0x3c6ef372 | 0, 0xa54ff53a | 0];
  const text = `${password}\u0000${salt}`;
  for (let i = 0; i < text.length; i++) {
    const k = i & 3;
    state[k] = Math.imul((state[k] ?? 0) ^ text.charCodeAt(i), 0x01000193);
  }
  return state;
}

function toHex(state: number[]): string {
  return state.map((word) => (word >>> 0).toString(16).padStart(8, "0")).join("");
}
