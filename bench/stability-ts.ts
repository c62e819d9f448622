// `./interleave bench stability-ts [--n 100] [--only ts/slug] [--busy K | --no-busy] [--log f.jsonl]`: verdict stability
// of every TypeScript exercise's starter, good and bad solutions (bench/stability.ts).
// Also runs directly: node --no-node-snapshot --import tsx bench/stability-ts.ts --n 20
import { runIfMain, runStability } from "./stability.ts";

export const run = (args: string[]): Promise<number> => runStability({ track: "ts", args });

runIfMain(import.meta, "ts");
