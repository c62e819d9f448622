// `./interleave bench submit-latency [count=50] [--exercise ts/shared-counter] [--burst M]
// [--url http://host:port]`: submit→verdict latency through the web API (the path a student's
// browser takes). For a TypeScript exercise also the grader alone (grade() in-process, which
// still forks its sandbox child per run). For a Rust exercise: new sources (a unique comment per
// submission, so the compile cache misses) and identical sources (cached binary). `--burst M`
// queues M new sources at once and times the last verdict: gradings per second of the worker(s).
// Starts its own platform (embedded Postgres, web, one worker) unless --url names a running one.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { grade } from "../grader/core/grade.ts";
import { freePort } from "../scripts/platform/free-port.ts";
import { startPlatform } from "../scripts/platform/start-platform.ts";
import { fmt, summarize } from "./stats.ts";
import { students, submitAndWait, submitBurst } from "./web-submissions.ts";

const root = path.resolve(import.meta.dirname, "..");
/** The web's default rate limit is 10 submissions a minute per user; a running platform keeps it. */
const PER_STUDENT = 8;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** The exercise's first good solution (ts/shared-counter: atomics.ts). */
function reference(exerciseId: string): string {
  const dir = path.join(root, "exercises", exerciseId, "solutions", "good");
  const file = readdirSync(dir).sort()[0];
  if (!file) throw new Error(`${exerciseId} has no good solution`);
  return readFileSync(path.join(dir, file), "utf8");
}

/** A new source hash for the same program (a line comment in both languages). */
const fresh = (code: string) => `${code}\n// bench ${randomBytes(8).toString("hex")}\n`;
const row = (name: string, values: number[]) => {
  const s = summarize(values);
  return `| ${name} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.min)} | ${fmt(s.max)} |`;
};

async function sequence(options: {
  url: string;
  exerciseId: string;
  count: number;
  code: () => string;
}): Promise<number[]> {
  const clients = await students({ url: options.url, submissions: options.count, perStudent: PER_STUDENT });
  const latencies: number[] = [];
  for (let i = 0; i < options.count; i++) {
    const client = clients[Math.floor(i / PER_STUDENT)] ?? clients[0];
    if (!client) throw new Error("no student client");
    const { ms, status } = await submitAndWait({ client, exerciseId: options.exerciseId, code: options.code() });
    if (status !== "pass") throw new Error(`submission ${i} ended ${status}`);
    latencies.push(ms);
  }
  return latencies;
}

export async function run(args: string[]): Promise<number> {
  const valued = new Set(["--exercise", "--burst", "--url"]);
  const count = Number(args.find((a, i) => !a.startsWith("--") && !valued.has(args[i - 1] ?? "")) ?? 50);
  const exerciseId = option(args, "--exercise") ?? "ts/shared-counter";
  const burst = Number(option(args, "--burst") ?? 0);
  const external = option(args, "--url");
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(burst) || burst < 0) {
    process.stderr.write(
      "usage: ./interleave bench submit-latency [count] [--exercise <track>/<slug>] [--burst M] [--url http://host:port]\n",
    );
    return 2;
  }
  const rust = exerciseId.startsWith("rust/");
  const code = reference(exerciseId);

  const graderOnly: number[] = [];
  for (let i = 0; !rust && i < 20; i++) {
    const started = performance.now();
    const result = await grade({ exerciseId, code });
    graderOnly.push(performance.now() - started);
    if (result.status !== "pass") throw new Error(`reference did not pass: ${result.message}`);
  }

  // Every student of this bench is a guest on loopback: the per-IP guest limit and the per-user
  // in-flight ceiling would stop it (a running platform given by --url keeps its own settings).
  process.env.GUEST_SUBMISSIONS_PER_IP_PER_MINUTE ??= "0";
  process.env.GRADING_IN_FLIGHT_PER_USER ??= "0";
  const platform = external
    ? { url: external, stop: async () => {} }
    : await startPlatform({
        root,
        dataDir: path.join(root, ".data", "bench"),
        port: await freePort(),
        dbPort: await freePort(),
        quietChildren: true,
        log: () => {},
      });
  const rows: string[] = [];
  let burstLine = "";
  try {
    const url = platform.url;
    // Warm-up: the first request compiles routes, the first job warms the worker; for Rust it
    // also leaves the identical source's binary in the compile cache.
    await sequence({ url, exerciseId, count: 1, code: () => code });
    const label = `web API → queue → worker → stored verdict (${exerciseId}, ${rust ? "good solution" : "reference"})`;
    if (rust) {
      rows.push(
        row(
          `${label}, new source: compile cache miss`,
          await sequence({ url, exerciseId, count, code: () => fresh(code) }),
        ),
      );
      rows.push(
        row(`${label}, identical source: cached binary`, await sequence({ url, exerciseId, count, code: () => code })),
      );
    } else {
      rows.push(row(label, await sequence({ url, exerciseId, count, code: () => code })));
      rows.push(row("grader only: grade() incl. sandbox child", graderOnly));
    }
    if (burst > 0) {
      const clients = await students({ url, submissions: burst, perStudent: PER_STUDENT });
      const codes = Array.from({ length: burst }, () => (rust ? fresh(code) : code));
      const b = await submitBurst({ clients, exerciseId, codes });
      const failed = b.statuses.filter((s) => s !== "pass").length;
      if (failed > 0) throw new Error(`${failed} of the burst's submissions did not pass: ${b.statuses.join(", ")}`);
      rows.push(row(`burst of ${burst}${rust ? " new sources" : ""}: each submission's own latency`, b.each));
      burstLine =
        `Burst: ${burst} submissions${rust ? " with new sources (each compiles)" : ""} queued at once, ${external ? "the running platform's worker(s)" : "one worker"}: ` +
        `last verdict after ${(b.totalMs / 1000).toFixed(1)} s → **${((burst * 1000) / b.totalMs).toFixed(2)} gradings/s** (${fmt(b.totalMs / burst)} per grading).\n`;
    }
  } finally {
    await platform.stop();
  }

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
  process.stdout.write(
    [
      `### Submit→verdict latency (${new Date().toISOString().slice(0, 10)}, ${machine})`,
      "",
      "| path | n | p50 | p95 | min | max |",
      "|---|---|---|---|---|---|",
      ...rows,
      "",
      ...(burstLine ? [burstLine] : []),
    ].join("\n"),
  );
  return 0;
}
