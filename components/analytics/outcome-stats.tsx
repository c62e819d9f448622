import type { ExerciseOutcome } from "@/lib/analytics/verdict-buckets";
import { share } from "./format";

/** The headline numbers of one exercise in a class. */
export function OutcomeStats({ outcome }: { outcome: ExerciseOutcome }) {
  const median = outcome.medianAttemptsToPass;
  const stats = [
    {
      label: "Passed",
      value: share(outcome.passed, outcome.students),
      detail: `${outcome.passed} of ${outcome.students} students`,
    },
    { label: "Stuck", value: share(outcome.stuck, outcome.students), detail: `${outcome.stuck} tried, no pass yet` },
    {
      label: "Not started",
      value: String(outcome.notStarted),
      detail: `student${outcome.notStarted === 1 ? "" : "s"} without a submission`,
    },
    {
      label: "Median attempts to pass",
      value: median === null ? "—" : Number.isInteger(median) ? String(median) : median.toFixed(1),
      detail: outcome.passed ? `over the ${outcome.passed} who passed` : "nobody has passed yet",
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {stats.map((s) => (
        <div key={s.label} className="rounded-xl border border-border bg-surface px-4 py-3">
          <dt className="text-xs font-medium text-muted">{s.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tracking-tight tabular-nums">{s.value}</dd>
          <dd className="text-xs text-muted">{s.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
