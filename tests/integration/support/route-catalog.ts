// Every route handler the app exports, found on disk (so a new route cannot be left out of the
// attack and fuzz tests), a valid request for each one (so a refusal is the check's doing, not
// bad input), and a snapshot of the database to prove a refused request stored nothing.
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { db } from "../../../lib/db.ts";
import { startAttempt } from "../../../lib/quizzes/start-attempt.ts";
import { createSubmission } from "../../../lib/submissions/create-submission.ts";
import { createPerson, type Person } from "./classes-fixtures.ts";
import { createExercise } from "./fixtures.ts";

export const OUR_ORIGIN = "http://localhost:3000";
const APP = path.resolve(import.meta.dirname, "../../../app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export const WRITE_METHODS: readonly string[] = ["POST", "PUT", "PATCH", "DELETE"];

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
export type RouteHandler = { key: string; method: string; route: string; handler: Handler };

/** `route` is the folder under app/ ("api/classes/[classId]"); better-auth's own is left out. */
export async function listRouteHandlers(): Promise<RouteHandler[]> {
  const files = readdirSync(APP, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => path.dirname(file).split(path.sep).join("/"))
    .filter((route) => route !== "api/auth/[...all]")
    .sort();
  const handlers: RouteHandler[] = [];
  for (const route of files) {
    const module = (await import(pathToFileURL(path.join(APP, route, "route.ts")).href)) as Record<string, unknown>;
    for (const method of METHODS) {
      const handler = module[method];
      if (typeof handler === "function")
        handlers.push({ key: `${method} ${route}`, method, route, handler: handler as Handler });
    }
  }
  return handlers;
}

/** The segment names of a route folder: "api/classes/[classId]/students/[userId]" → classId, userId. */
export function paramNames(route: string): string[] {
  return [...route.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1] ?? "");
}

export type ValidRequest = {
  as: Person;
  params: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
};

/** A teacher's class with one member, an assigned exercise the member has submitted, and an open quiz attempt. */
export async function createWorld() {
  const [teacher, member, outsider, admin] = await Promise.all([
    createPerson("teacher"),
    createPerson("student"),
    createPerson("student"),
    createPerson("admin"),
  ]);
  const exercise = await createExercise();
  const joinCode = randomUUID()
    .replace(/[^A-HJ-NP-Z2-9]/gi, "")
    .toUpperCase()
    .padEnd(8, "Z")
    .slice(0, 8);
  const klass = await db.class.create({ data: { name: "Attack surface", ownerId: teacher.id, joinCode } });
  await db.classMember.create({ data: { classId: klass.id, userId: member.id } });
  const assignment = await db.assignment.create({
    data: { classId: klass.id, kind: "exercise", exerciseId: exercise.id },
  });
  const submission = await createSubmission({
    userId: member.id,
    trackSlug: exercise.trackSlug,
    code: "export {};\n",
    rateLimit: { max: 0, windowSeconds: 60 },
  });
  const { attemptId } = await startAttempt({ userId: member.id, quizId: "foundations" });
  return {
    teacher,
    member,
    outsider,
    admin,
    exercise,
    classId: klass.id,
    joinCode,
    assignmentId: assignment.id,
    submission,
    attemptId,
  };
}
export type World = Awaited<ReturnType<typeof createWorld>>;

/**
 * One request per route handler that its user may make and that would succeed (2xx) with our
 * Origin and JSON. A handler missing here fails the tests that use the table.
 */
export function validRequests(w: World): Record<string, ValidRequest> {
  const code = "export const n = 1;\n";
  const classId = w.classId;
  return {
    "GET api/admin/mail": { as: w.admin, params: {} },
    "GET api/admin/users": { as: w.admin, params: {}, query: { q: "student" } },
    "PUT api/admin/users/[userId]/role": { as: w.admin, params: { userId: w.outsider.id }, body: { role: "teacher" } },
    "GET api/classes": { as: w.teacher, params: {} },
    "POST api/classes": { as: w.teacher, params: {}, body: { name: "Evil class" } },
    "PATCH api/classes/[classId]": { as: w.teacher, params: { classId }, body: { name: "Renamed" } },
    "GET api/classes/[classId]/assignments": { as: w.teacher, params: { classId } },
    "POST api/classes/[classId]/assignments": {
      as: w.teacher,
      params: { classId },
      body: { kind: "quiz", quizId: "foundations", dueAt: null },
    },
    "PATCH api/classes/[classId]/assignments/[assignmentId]": {
      as: w.teacher,
      params: { classId, assignmentId: w.assignmentId },
      body: { dueAt: "2030-01-01T00:00:00Z" },
    },
    "DELETE api/classes/[classId]/assignments/[assignmentId]": {
      as: w.teacher,
      params: { classId, assignmentId: w.assignmentId },
    },
    "POST api/classes/[classId]/invitations": {
      as: w.teacher,
      params: { classId },
      body: { emails: ["someone@example.test"] },
    },
    "POST api/classes/[classId]/regrades": {
      as: w.teacher,
      params: { classId },
      body: { exerciseId: w.exercise.trackSlug },
    },
    "GET api/classes/[classId]/regrades/[regradeId]": { as: w.teacher, params: { classId, regradeId: randomUUID() } },
    "DELETE api/classes/[classId]/students/[userId]": { as: w.teacher, params: { classId, userId: w.member.id } },
    "POST api/classes/join": { as: w.outsider, params: {}, body: { code: w.joinCode } },
    "GET api/drafts": { as: w.member, params: {}, query: { exerciseId: w.exercise.trackSlug } },
    "PUT api/drafts": { as: w.member, params: {}, body: { exerciseId: w.exercise.trackSlug, code } },
    "POST api/quizzes/attempts": { as: w.member, params: {}, body: { quizId: "foundations" } },
    "GET api/quizzes/attempts/[id]": { as: w.member, params: { id: w.attemptId } },
    "POST api/quizzes/attempts/[id]/submit": { as: w.member, params: { id: w.attemptId }, body: { answers: [] } },
    "GET api/submissions": { as: w.member, params: {}, query: { exerciseId: w.exercise.trackSlug } },
    "POST api/submissions": { as: w.member, params: {}, body: { exerciseId: w.exercise.trackSlug, code } },
    "GET api/submissions/[id]": { as: w.member, params: { id: w.submission.submissionId } },
    "GET teach/classes/[classId]/gradebook.csv": { as: w.teacher, params: { classId } },
  };
}

/** The URL path of a route with its params filled in (the handler reads params, not the path). */
export function urlOf(route: string, params: Record<string, string>, query?: Record<string, string>): string {
  const filled = route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? "x"),
  );
  const search = query ? `?${new URLSearchParams(query).toString()}` : "";
  return `${OUR_ORIGIN}/${filled}${search}`;
}

/** Row count and content hash of every table of ours, and the queue's jobs. */
export async function databaseSnapshot(): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<
    { name: string }[]
  >`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`;
  const snapshot: Record<string, string> = {};
  for (const { name } of [...tables, { name: "graphile_worker._private_jobs" }]) {
    const quoted = name.includes(".") ? name : `"${name}"`;
    const [row] = await db.$queryRawUnsafe<{ n: number; h: string }[]>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${quoted} t`,
    );
    snapshot[name] = `${row?.n ?? 0} ${row?.h ?? ""}`;
  }
  return snapshot;
}

/** Row counts only (exact, one round trip): cheap enough to take around every fuzzed request. */
export async function rowCounts(): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<
    { name: string }[]
  >`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`;
  const union = tables
    .map(({ name }) => `SELECT '${name}' AS name, count(*)::int AS n FROM "${name}"`)
    .join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ name: string; n: number }[]>(union);
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}
