// `./interleave bench <name>`: benchmarks print a Markdown section to paste into bench/RESULTS.md.
const BENCHES: Record<string, () => Promise<{ run: (args: string[]) => Promise<number> }>> = {
  "submit-latency": () => import("./submit-latency.ts"),
  "queue-latency": () => import("./queue-latency.ts"),
  "stability-ts": () => import("./stability-ts.ts"),
  "parallel-ts": () => import("./parallel-ts.ts"),
  "stability-rust": () => import("./stability-rust.ts"),
  "rust-latency": () => import("./rust-latency.ts"),
  abuse: () => import("./abuse.ts"),
  "quiz-keys": () => import("./quiz-keys.ts"),
};

export async function benchCommand(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  const load = name ? BENCHES[name] : undefined;
  if (!load) {
    process.stderr.write(`usage: ./interleave bench <${Object.keys(BENCHES).join("|")}>\n`);
    return 2;
  }
  return (await load()).run(rest);
}
