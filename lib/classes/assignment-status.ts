// How one student stands on one assignment, from their aggregated work. Pure, so the gradebook,
// the roster and the student's dashboard agree on every rule (and unit tests pin them down).
export type AssignmentKind = "exercise" | "quiz";
export type AssignmentStatus = "not_started" | "attempted" | "passed" | "submitted";

/** Aggregated work of one student on one assignment's exercise or quiz. */
export type WorkSummary = {
  attempts: number;
  /** Best score as a fraction 0..1 (exercise: tests passed ÷ tests; quiz: score ÷ max). */
  best: number | null;
  /** Exercise: first passing submission. Quiz: first submitted attempt. */
  doneAt: Date | null;
};

export type AssignmentResult = WorkSummary & { status: AssignmentStatus; late: boolean };

export const NO_WORK: WorkSummary = { attempts: 0, best: null, doneAt: null };

export function assignmentResult(options: {
  kind: AssignmentKind;
  dueAt: Date | null;
  work: WorkSummary;
  now: Date;
}): AssignmentResult {
  const { kind, dueAt, work, now } = options;
  let status: AssignmentStatus;
  if (work.attempts === 0) status = "not_started";
  else if (kind === "quiz") status = "submitted";
  else status = work.doneAt ? "passed" : "attempted";
  // Late: done after the due date, or still not done once it has passed.
  const late =
    dueAt !== null && (work.doneAt ? work.doneAt.getTime() > dueAt.getTime() : now.getTime() > dueAt.getTime());
  return { ...work, status, late };
}

export const STATUS_LABEL: Record<AssignmentStatus, string> = {
  not_started: "Not started",
  attempted: "Attempted",
  passed: "Passed",
  submitted: "Submitted",
};
