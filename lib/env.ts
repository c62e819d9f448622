// The one module that reads or writes process.env (web, worker, scripts; the lint config forbids it
// elsewhere outside the engine and tests). Each key is parsed with zod the
// first time it is read, so `next build` works without DATABASE_URL and the worker needs no
// auth secret; getEnv() parses everything at once for a start-up check.
import { z } from "zod";
import { parseTrustedProxies } from "./http/client-ip.ts";

export const EnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgresql:// URL" }),
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters"),
  BETTER_AUTH_URL: z.url().default("http://localhost:3000"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // `./interleave start`'s embedded Postgres (scripts/start.ts): its port and where it and the
  // install's secret live.
  INTERLEAVE_DB_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
  // Absent: .data in the checkout (the scripts know where that is; this module is also bundled
  // into the web app, where no path of the checkout is known).
  INTERLEAVE_DATA_DIR: z.string().min(1).optional(),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  // Mail (lib/mail): without SMTP_URL messages go to the outbox table the admin page shows.
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().min(3).default("Interleave <no-reply@interleave.invalid>"),
  // Off by default: with the outbox transport nobody would receive the verification link.
  REQUIRE_EMAIL_VERIFICATION: z.stringbool().default(false),
  // Submissions per user per window (lib/submissions/rate-limit.ts); 0 turns the limit off (benches).
  SUBMISSION_RATE_LIMIT_MAX: z.coerce.number().int().min(0).default(10),
  SUBMISSION_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  // Submissions by guests (anonymous users) per client IP per minute; accounts are limited per user only.
  GUEST_SUBMISSIONS_PER_IP_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  // Admission to the grading queue (lib/submissions/admission.ts); 0 turns a ceiling off.
  GRADING_QUEUE_MAX: z.coerce.number().int().min(0).default(500),
  GRADING_IN_FLIGHT_PER_USER: z.coerce.number().int().min(0).default(3),
  // Grading worker processes `./interleave start` runs (scripts/platform/grading-workers.ts);
  // absent, one per two cores (at least one): each grade runs real threads of its own.
  GRADING_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  // A run `running` this long lost its worker (lib/grading/sweep-stale-runs.ts).
  GRADING_STALE_AFTER_SECONDS: z.coerce.number().int().min(1).default(600),
  // /metrics answers loopback callers without a forwarding proxy, and anyone sending
  // `Authorization: Bearer <METRICS_TOKEN>` (lib/observability/ops-endpoints.ts).
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  // A worker serves /metrics, /healthz, /readyz on this port (start gives worker i port + i); absent, none.
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  // Test-only fault injection in the worker's grade step (grader/test-grader.ts); honoured only
  // when NODE_ENV=test, never reachable from a submission.
  INTERLEAVE_TEST_GRADER: z.enum(["pass", "slow-pass", "hang", "crash"]).optional(),
  // Reverse proxies whose X-Forwarded-For is believed (lib/http/client-ip.ts): IPs or CIDR ranges.
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value, ctx) => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `${error instanceof Error ? error.message : String(error)}` });
        return z.NEVER;
      }
    }),
});
export type Env = z.infer<typeof EnvSchema>;
type Key = keyof Env;

const cache = new Map<Key, unknown>();

function read<K extends Key>(key: K): Env[K] {
  if (cache.has(key)) return cache.get(key) as Env[K];
  const result = EnvSchema.shape[key].safeParse(process.env[key] === "" ? undefined : process.env[key]);
  if (!result.success) {
    const issue = result.error.issues[0]?.message ?? "invalid";
    throw new Error(`environment variable ${key}: ${process.env[key] === undefined ? "missing" : issue}`);
  }
  cache.set(key, result.data);
  return result.data as Env[K];
}

/** Lazily parsed environment: `env.DATABASE_URL` throws a clear error only when read and invalid. */
export const env: Readonly<Env> = Object.defineProperties(
  {},
  Object.fromEntries(
    (Object.keys(EnvSchema.shape) as Key[]).map((key) => [key, { enumerable: true, get: () => read(key) }]),
  ),
) as Readonly<Env>;

let all: Env | undefined;
/** Parses every key (memoised); use at process start to fail fast with every problem. */
export function getEnv(): Env {
  all ??= EnvSchema.parse(process.env);
  return all;
}

/**
 * Sets a key for this process and the children it starts (e.g. DATABASE_URL once the embedded
 * database is up): validated like a read, and the memoised values are forgotten.
 */
export function setEnv<K extends Key>(key: K, value: string): void {
  const result = EnvSchema.shape[key].safeParse(value);
  if (!result.success) throw new Error(`environment variable ${key}: ${result.error.issues[0]?.message ?? "invalid"}`);
  (process.env as Record<string, string | undefined>)[key] = value;
  cache.delete(key);
  all = undefined;
}

/** The environment a child process of ours inherits, with these keys set or replaced. */
export function childEnv(extra: Partial<Record<Key, string>> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra } as NodeJS.ProcessEnv;
}

/** A key that may be absent (e.g. DATABASE_URL, when the embedded database is the fallback). */
export function optionalEnv<K extends Key>(key: K): Env[K] | undefined {
  const raw = process.env[key];
  return raw === undefined || raw === "" ? undefined : read(key);
}
