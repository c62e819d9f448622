import type { Diagnostic, GradeResult } from "@/grader/contract";
import type { ExerciseHint } from "@/lib/exercises/schemas";
import { DiagnosticsList } from "./diagnostics-list";
import { formatScore } from "./format";
import { HintSteps } from "./hint-steps";
import { OutputBlock } from "./output-block";
import { REASON_TEXT } from "./reason-text";
import { TestRow } from "./test-row";
import { VerdictBadge } from "./verdict-badge";

/** A finished grading: the verdict in words, then the evidence (tests, diagnostics, output). */
type VerdictProps = {
  submissionId: string;
  result: GradeResult;
  onReveal: (line: number, column: number) => void;
  /** The exercise's hints, offered after a failure (HintSteps). */
  help?: { exerciseId: string; hints: readonly ExerciseHint[] };
};

export function Verdict({ submissionId, result, onReveal, help }: VerdictProps) {
  const passed = result.tests.filter((t) => t.status === "pass").length;
  const reason = result.reason ? REASON_TEXT[result.reason] : null;
  const diagnostics: Diagnostic[] = result.diagnostics;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <VerdictBadge status={result.status} testId="verdict" submissionId={submissionId} />
          <h3 className="text-base font-semibold tracking-tight">{reason ? reason.title : "All tests passed"}</h3>
          <div className="ml-auto flex items-baseline gap-2 text-sm" aria-label="Score">
            {result.tests.length > 0 ? (
              <span className="text-muted tabular-nums">
                {passed}/{result.tests.length} tests
              </span>
            ) : null}
            <span className="font-mono font-semibold tabular-nums" data-testid="verdict-score">
              {formatScore(result.score)}
            </span>
          </div>
        </div>
        <p data-testid="verdict-message" className="text-[14px] leading-relaxed">
          {result.message}
        </p>
        {reason ? <p className="text-[13px] leading-relaxed text-muted">{reason.hint}</p> : null}
      </div>

      {help ? <HintSteps exerciseId={help.exerciseId} hints={help.hints} result={result} /> : null}

      {diagnostics.length > 0 ? <DiagnosticsList diagnostics={diagnostics} onReveal={onReveal} /> : null}

      {result.tests.length > 0 ? (
        <section aria-label="Tests" className="rounded-lg border border-border">
          <h3 className="border-b border-border px-3 py-2 text-[13px] font-medium">
            Tests <span className="font-normal text-muted">({result.tests.length})</span>
          </h3>
          <ul className="divide-y divide-border">
            {result.tests.map((test, i) => (
              <TestRow key={`${test.name}-${i}`} test={test} />
            ))}
          </ul>
        </section>
      ) : null}

      {result.stdout || result.stderr ? (
        <div className="flex flex-col gap-2">
          <OutputBlock title="stdout" text={result.stdout} />
          <OutputBlock title="stderr" text={result.stderr} />
        </div>
      ) : null}
      {result.truncated ? <p className="text-xs text-muted">Output was cut off at the size limit.</p> : null}
    </div>
  );
}
