"use client";

import { LoaderCircle } from "lucide-react";
import { useEffect, useState } from "react";

const STEPS = ["queued", "running", "done"] as const;

/** queued → running → done, with seconds elapsed so a long queue does not look frozen. */
export function RunProgress({ state, since }: { state: "submitting" | "queued" | "running"; since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  const label =
    state === "submitting"
      ? "Sending your code…"
      : state === "queued"
        ? "Queued — waiting for a grader…"
        : "Running your code…";
  const current = state === "submitting" ? -1 : STEPS.indexOf(state);

  return (
    <div className="flex flex-col gap-3" data-testid="run-state" data-state={state}>
      <div className="flex items-center gap-2.5">
        <LoaderCircle className="size-5 animate-spin text-primary" aria-hidden />
        <span className="font-medium">{label}</span>
        <span className="ml-auto font-mono text-xs text-muted tabular-nums">{seconds}s</span>
      </div>
      <ol className="flex items-center gap-2 text-xs" aria-label="Grading progress">
        {STEPS.map((step, i) => (
          <li key={step} className="flex items-center gap-2">
            <span
              aria-current={i === current ? "step" : undefined}
              className={
                i < current
                  ? "rounded-full bg-primary/15 px-2 py-0.5 text-primary"
                  : i === current
                    ? "rounded-full bg-primary px-2 py-0.5 text-primary-foreground"
                    : "rounded-full bg-surface-muted px-2 py-0.5 text-muted"
              }
            >
              {step}
            </span>
            {i < STEPS.length - 1 ? <span className="h-px w-5 bg-border" aria-hidden /> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
