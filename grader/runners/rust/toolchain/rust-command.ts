// `./interleave rust setup` (README, CI, and the first step of `./interleave test`). Without a
// toolchain it still exits 0 and says why: the platform runs, Rust exercises say they cannot
// be graded here. `--require` (CI) makes a missing toolchain a failure.
import { describeJobLimits } from "../sandbox/job-cgroup.ts";
import { setupRust } from "./setup-rust.ts";

const USAGE = "usage: ./interleave rust setup [--require]\n";

export async function rustCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "setup" || !rest.every((a) => a === "--require")) {
    process.stderr.write(USAGE);
    return 2;
  }
  const outcome = await setupRust({ log: (line) => process.stderr.write(`[rust] ${line}\n`) });
  if (outcome.ok) {
    process.stdout.write(
      `rust: ready (rustc ${outcome.state.rustcVersion}, crates ${outcome.rebuilt ? "rebuilt" : "cached"})\n`,
    );
    const limits = await describeJobLimits();
    process.stdout.write(limits.ok ? `rust: ${limits.line}\n` : `\n!!! rust: ${limits.line}\n\n`);
    return 0;
  }
  process.stderr.write(
    `\n!!! Rust track unavailable: ${outcome.why}\n!!! Rust exercises will not be graded on this machine.\n\n`,
  );
  return rest.includes("--require") ? 1 : 0;
}
