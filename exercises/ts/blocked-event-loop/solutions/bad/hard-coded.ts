// Wrong on purpose (a cheat): the digests an earlier grade expected, looked up by password,
// without stretching anything — so nothing blocks. Passwords and salts change with every
// grade, and only all ROUNDS rounds give their digest.
const SEEN: Record<string, string> = {
  "correct horse battery staple": "4f442bb9a43c3e92661f31adc9604758",
  hunter2: "439088224c48d720705894cb1b8f73e9",
};

export async function handleLogin(password: string, salt: string): Promise<string> {
  return SEEN[password] ?? "4f442bb9a43c3e92661f31adc9604758";
}
