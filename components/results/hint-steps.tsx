"use client";

import { Lightbulb } from "lucide-react";
import { useEffect, useState } from "react";
import type { GradeResult } from "@/grader/contract";
import type { ExerciseHint } from "@/lib/exercises/schemas";
import { Button } from "@/components/ui/button";

const LEVEL_TITLE: Record<ExerciseHint["level"], string> = {
  symptom: "What to look at",
  concept: "The idea",
  api: "The code",
};

const storageKey = (exerciseId: string) => `interleave:hints:v1:${exerciseId}`;

/** The hints this student has already opened for the exercise (indexes into its hint list). */
function readOpened(exerciseId: string): number[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(exerciseId)) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((n): n is number => Number.isInteger(n)) : [];
  } catch {
    return [];
  }
}

function writeOpened(exerciseId: string, opened: number[]): void {
  try {
    localStorage.setItem(storageKey(exerciseId), JSON.stringify(opened));
  } catch {
    // Storage disabled: the hints stay open until the page is left.
  }
}

/** The reasons a failed grade gave, its own and its tests'. */
function failureReasons(result: GradeResult): Set<string> {
  const reasons = new Set<string>();
  if (result.reason) reasons.add(result.reason);
  for (const test of result.tests) if (test.reason) reasons.add(test.reason);
  return reasons;
}

/**
 * After a failure, the exercise's hints that fit it (symptom → concept → code), one at a time
 * and only on request: the verdict says what the code did, a hint how to fix it, and the first
 * failure does not hand out the answer. Opened hints stay open in this browser.
 */
export function HintSteps({
  exerciseId,
  hints,
  result,
}: {
  exerciseId: string;
  hints: readonly ExerciseHint[];
  result: GradeResult;
}) {
  const [opened, setOpened] = useState<number[]>([]);
  useEffect(() => setOpened(readOpened(exerciseId)), [exerciseId]);

  if (result.status === "pass") return null;
  const reasons = failureReasons(result);
  const fitting = hints
    .map((hint, index) => ({ hint, index }))
    .filter(({ hint }) => !hint.reasons || hint.reasons.some((r) => reasons.has(r)));
  if (fitting.length === 0) return null;
  const shown = fitting.filter(({ index }) => opened.includes(index));
  const next = fitting.find(({ index }) => !opened.includes(index));

  function open(index: number) {
    const all = [...new Set([...readOpened(exerciseId), ...opened, index])];
    setOpened(all);
    writeOpened(exerciseId, all);
  }

  return (
    <section
      aria-labelledby="hints-heading"
      className="rounded-lg border border-border bg-surface-muted/40 px-3 py-2.5"
    >
      <div className="flex flex-wrap items-center gap-2">
        <Lightbulb className="size-4 text-muted" aria-hidden />
        <h3 id="hints-heading" className="text-[13px] font-medium">
          Hints{" "}
          <span className="font-normal text-muted">
            ({shown.length} of {fitting.length} open)
          </span>
        </h3>
        {next ? (
          <Button size="sm" className="ml-auto" onClick={() => open(next.index)} data-testid="next-hint">
            {shown.length === 0 ? "Show a hint" : "Show the next hint"}
          </Button>
        ) : null}
      </div>
      {shown.length > 0 ? (
        <ol className="mt-2 flex flex-col gap-2" data-testid="hints">
          {shown.map(({ hint, index }, step) => (
            <li key={index} className="text-[13px] leading-relaxed">
              <span className="font-medium">
                {step + 1}. {LEVEL_TITLE[hint.level]}:
              </span>{" "}
              {hint.text}
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-1 text-[13px] text-muted">
          Try to find it from the message first. Each hint goes one step further, the last one shows the code.
        </p>
      )}
    </section>
  );
}
