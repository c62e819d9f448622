// `./interleave bench abuse [--seconds 60] [--url http://host:port]`: one client on loopback tries
// for 60 s to get as many submissions as it can into the grading queue without an account, three
// ways at once: with no cookie at all, as a fresh guest per request (a new anonymous sign-in each
// time), and as a fresh guest per request that also writes a new X-Forwarded-For (and a forged
// x-interleave-client-ip) on every request. Whatever the mix, everything comes from one address,
// so at most GUEST_SUBMISSIONS_PER_IP_PER_MINUTE may be accepted in any minute: the bench fails
// (exit 1) when more are (judged on the submissions' created_at when it started the platform). Starts its own platform (embedded Postgres, web, one worker) unless
// --url names a running one, whose configured limit it then cannot see (pass --limit N).
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { env } from "../lib/env.ts";
import { freePort } from "../scripts/platform/free-port.ts";
import { startPlatform } from "../scripts/platform/start-platform.ts";
import { StudentClient } from "./http-client.ts";

const root = path.resolve(import.meta.dirname, "..");
const EXERCISE = "ts/shared-counter";
/** Requests in flight per strategy: enough to keep the web busy from one client. */
const PARALLEL = 2;

type Strategy = "no cookie" | "fresh guest per request" | "fresh guest + rotating X-Forwarded-For";
type Tally = { attempts: number; accepted: number; answers: Map<string, number>; acceptedAt: number[] };

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

let counter = 0;
const randomIp = () =>
  `${1 + (counter++ % 223)}.${randomBytes(1)[0] ?? 0}.${randomBytes(1)[0] ?? 0}.${1 + ((randomBytes(1)[0] ?? 0) % 254)}`;

/** One attempt: "submit <status>", or "sign-in <status>" when no guest could be had. */
async function attempt(url: string, strategy: Strategy): Promise<string> {
  const spoof = strategy === "fresh guest + rotating X-Forwarded-For";
  const headers = (): Record<string, string> =>
    spoof ? { "x-forwarded-for": randomIp(), "x-interleave-client-ip": randomIp() } : {};
  const client = new StudentClient(url);
  const body = { exerciseId: EXERCISE, code: `export {};\n// abuse ${randomBytes(6).toString("hex")}\n` };
  if (strategy !== "no cookie") {
    const signIn = await client.request("/api/auth/sign-in/anonymous", {
      method: "POST",
      body: {},
      headers: headers(),
    });
    await signIn.arrayBuffer();
    if (!signIn.ok) return `sign-in ${signIn.status}`;
  }
  const response = await client.request("/api/submissions", { method: "POST", body, headers: headers() });
  await response.arrayBuffer();
  return `submit ${response.status}`;
}

async function hammer(url: string, strategy: Strategy, deadline: number, tally: Tally): Promise<void> {
  while (Date.now() < deadline) {
    const answer = await attempt(url, strategy).catch(() => "network error");
    tally.attempts += 1;
    if (answer === "submit 202") {
      tally.accepted += 1;
      tally.acceptedAt.push(Date.now());
    }
    tally.answers.set(answer, (tally.answers.get(answer) ?? 0) + 1);
  }
}

export async function run(args: string[]): Promise<number> {
  const seconds = Number(option(args, "--seconds") ?? 60);
  const external = option(args, "--url");
  const limit = Number(option(args, "--limit") ?? env.GUEST_SUBMISSIONS_PER_IP_PER_MINUTE);
  if (!Number.isFinite(seconds) || seconds <= 0 || !Number.isInteger(limit) || limit < 0) {
    process.stderr.write("usage: ./interleave bench abuse [--seconds 60] [--url http://host:port --limit N]\n");
    return 2;
  }
  const platform = external
    ? { url: external, stop: async () => {} }
    : await startPlatform({
        root,
        dataDir: path.join(root, ".data", "bench-abuse"),
        port: await freePort(),
        dbPort: await freePort(),
        quietChildren: true,
        log: () => {},
      });
  const strategies: Strategy[] = ["no cookie", "fresh guest per request", "fresh guest + rotating X-Forwarded-For"];
  const tallies = new Map(
    strategies.map((s) => [
      s,
      { attempts: 0, accepted: 0, answers: new Map<string, number>(), acceptedAt: [] } satisfies Tally,
    ]),
  );
  const load = os.loadavg()[0] ?? 0;
  const started = new Date();
  let seen: { times: number[]; buckets: string[] } | undefined;
  try {
    const deadline = Date.now() + seconds * 1000;
    await Promise.all(
      strategies.flatMap((s) =>
        Array.from({ length: PARALLEL }, () => hammer(platform.url, s, deadline, tallies.get(s) as Tally)),
      ),
    );
    if ("databaseUrl" in platform) seen = await acceptedRows(platform.databaseUrl, started);
  } finally {
    await platform.stop();
  }

  const total = [...tallies.values()].reduce((sum, t) => sum + t.accepted, 0);
  // The limit holds for any 60 s: judged on the database's own timestamps when we can read them.
  const times = seen?.times ?? [...tallies.values()].flatMap((t) => t.acceptedAt);
  const busiestMinute = maxInWindow(times, 60_000);
  const allowed = limit;
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
  const answers = (t: Tally) =>
    [...t.answers]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([answer, n]) => `${answer}: ${n}`)
      .join(", ");
  process.stdout.write(
    [
      `### Abuse: submissions without an account from one address (${started.toISOString().slice(0, 10)}, ${machine}, load ${load.toFixed(1)} at start)`,
      "",
      `${seconds} s, ${PARALLEL} requests in flight per strategy, one client on loopback${seen ? ` (the server counted it as ${seen.buckets.join(", ")})` : ""}; ${external ?? "own platform"}; limit ${limit} guest submissions per IP per minute.`,
      "",
      "| strategy | attempts | accepted (202) | answers |",
      "|---|---|---|---|",
      ...strategies.map((s) => {
        const t = tallies.get(s) as Tally;
        return `| ${s} | ${t.attempts} | ${t.accepted} | ${answers(t)} |`;
      }),
      `| **all** | ${[...tallies.values()].reduce((sum, t) => sum + t.attempts, 0)} | **${total}** | |`,
      "",
      `Most accepted in any 60 s (${seen ? "submissions' created_at in the database" : "client clock"}): **${busiestMinute}** (limit ${allowed}).`,
      "",
    ].join("\n"),
  );
  if (limit === 0) {
    process.stderr.write("GUEST_SUBMISSIONS_PER_IP_PER_MINUTE is 0 (off): nothing to check, numbers only\n");
    return 0;
  }
  if (busiestMinute > allowed) {
    process.stderr.write(
      `FAIL: ${busiestMinute} submissions accepted within 60 s, more than the per-IP guest limit (${allowed})\n`,
    );
    return 1;
  }
  return 0;
}

async function acceptedRows(databaseUrl: string, since: Date): Promise<{ times: number[]; buckets: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await client.query<{ at: Date; bucket: string | null }>(
      `SELECT created_at AS at, guest_ip_key AS bucket FROM submissions WHERE created_at >= $1`,
      [since],
    );
    return {
      times: rows.rows.map((row) => row.at.getTime()),
      buckets: [...new Set(rows.rows.map((row) => row.bucket ?? "no bucket"))],
    };
  } finally {
    await client.end();
  }
}

function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while ((sorted[j] ?? 0) - (sorted[i] ?? 0) >= windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}
