// `./interleave bench stability-rust [--n 100] [--only rust/slug] [--busy K | --no-busy] [--log f.jsonl]`: verdict
// stability of every Rust exercise's starter, good and bad solutions (bench/stability.ts).
// Also runs directly: node --no-node-snapshot --import tsx bench/stability-rust.ts --n 20
import { runIfMain, runStability } from "./stability.ts";

export const run = (args: string[]): Promise<number> => runStability({ track: "rust", args });

runIfMain(import.meta, "rust");
