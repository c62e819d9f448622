// Where a class's submissions of one exercise ended up: one bucket per verdict (pass, each
// fail/error reason, compile errors split by their first diagnostic code), counted by
// submissions and by students, plus how many attempts passing took. Pure; the loader
// (get-exercise-analytics.ts) feeds it each submission's LATEST grading run.
import { median } from "./statistics.ts";

export type RunVerdict = {
  state: "queued" | "running" | "done";
  status: string | null;
  reason: string | null;
  /** The first error diagnostic's code of a compile error (E0277, TS2322…), if any. */
  diagnosticCode: string | null;
};

export type AttemptRow = { submissionId: string; userId: string; createdAt: Date; run: RunVerdict | null };

export type BucketKind = "pass" | "fail" | "error" | "pending";

export type BucketStudent = { userId: string; submissions: number; passed: boolean };

export type VerdictBucket = {
  /** "pass", a reason ("lost_updates"), "compile_error E0277", or "pending" for runs not graded yet. */
  key: string;
  kind: BucketKind;
  reason: string | null;
  code: string | null;
  submissions: number;
  students: BucketStudent[];
};

export type ExerciseOutcome = {
  buckets: VerdictBucket[];
  submissions: number;
  students: number;
  attempted: number;
  passed: number;
  /** Tried but no passing submission yet. */
  stuck: number;
  notStarted: number;
  /** Per student who passed: submissions up to and including their first pass. */
  attemptsToPass: number[];
  medianAttemptsToPass: number | null;
};

export function bucketOf(run: RunVerdict | null): Pick<VerdictBucket, "key" | "kind" | "reason" | "code"> {
  if (!run || run.state !== "done" || !run.status) return { key: "pending", kind: "pending", reason: null, code: null };
  if (run.status === "pass") return { key: "pass", kind: "pass", reason: null, code: null };
  const kind: BucketKind = run.status === "fail" ? "fail" : "error";
  const reason = run.reason ?? (kind === "fail" ? "wrong_result" : "internal");
  const code = reason === "compile_error" ? run.diagnosticCode : null;
  return { key: code ? `${reason} ${code}` : reason, kind, reason, code };
}

const KIND_ORDER: Record<BucketKind, number> = { pass: 0, fail: 1, error: 2, pending: 3 };

export function exerciseOutcome(options: {
  studentIds: readonly string[];
  attempts: readonly AttemptRow[];
}): ExerciseOutcome {
  const members = new Set(options.studentIds);
  const attempts = options.attempts.filter((a) => members.has(a.userId));
  const byStudent = new Map<string, AttemptRow[]>();
  for (const attempt of attempts) byStudent.set(attempt.userId, [...(byStudent.get(attempt.userId) ?? []), attempt]);

  const attemptsToPass: number[] = [];
  const passedStudents = new Set<string>();
  for (const [userId, rows] of byStudent) {
    const ordered = [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const first = ordered.findIndex((row) => bucketOf(row.run).kind === "pass");
    if (first >= 0) {
      passedStudents.add(userId);
      attemptsToPass.push(first + 1);
    }
  }

  const buckets = new Map<string, VerdictBucket & { perStudent: Map<string, number> }>();
  for (const attempt of attempts) {
    const key = bucketOf(attempt.run);
    const bucket = buckets.get(key.key) ?? {
      ...key,
      submissions: 0,
      students: [],
      perStudent: new Map<string, number>(),
    };
    bucket.submissions += 1;
    bucket.perStudent.set(attempt.userId, (bucket.perStudent.get(attempt.userId) ?? 0) + 1);
    buckets.set(key.key, bucket);
  }
  const list = [...buckets.values()]
    .map(({ perStudent, ...bucket }) => ({
      ...bucket,
      students: [...perStudent]
        .map(([userId, submissions]) => ({ userId, submissions, passed: passedStudents.has(userId) }))
        .sort((a, b) => b.submissions - a.submissions || a.userId.localeCompare(b.userId)),
    }))
    .sort(
      (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.submissions - a.submissions || a.key.localeCompare(b.key),
    );

  const sorted = [...attemptsToPass].sort((a, b) => a - b);
  return {
    buckets: list,
    submissions: attempts.length,
    students: members.size,
    attempted: byStudent.size,
    passed: passedStudents.size,
    stuck: byStudent.size - passedStudents.size,
    notStarted: members.size - byStudent.size,
    attemptsToPass: sorted,
    medianAttemptsToPass: median(sorted),
  };
}
