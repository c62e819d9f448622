"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { SubmissionDetail } from "@/lib/submissions/schemas";
import { ApiError, errorMessage, fetchSubmission, submitCode, submitErrorTitle } from "./api";

export type ViewState =
  | { kind: "none" }
  | { kind: "submitting" }
  | { kind: "loading"; submissionId: string }
  | { kind: "submission"; submission: SubmissionDetail; since: number; stale?: string }
  | { kind: "error"; title: string; message: string };

const FAST_POLL_MS = 300;
const SLOW_POLL_MS = 1000;
const FAST_FOR_MS = 30_000;
const GIVE_UP_MS = 10 * 60_000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/**
 * The submission shown in the results panel: submit new code, or open an older one, then poll
 * its grading run (every 300 ms, slower after 30 s) until the verdict is in.
 */
export function useSubmission({ exerciseId, onSettled }: { exerciseId: string; onSettled: () => void }) {
  const [view, setView] = useState<ViewState>({ kind: "none" });
  const controller = useRef<AbortController | null>(null);
  const onSettledRef = useRef(onSettled);
  useEffect(() => {
    onSettledRef.current = onSettled;
  });
  useEffect(() => () => controller.current?.abort(), []);

  const follow = useCallback(async (submissionId: string, signal: AbortSignal) => {
    const started = Date.now();
    let failures = 0;
    for (;;) {
      try {
        const submission = await fetchSubmission(submissionId, signal);
        failures = 0;
        setView({ kind: "submission", submission, since: started });
        if (submission.run.state === "done") return onSettledRef.current();
      } catch (error) {
        if (signal.aborted) return;
        // A 404 will not heal; a dropped connection usually does.
        if ((error instanceof ApiError && error.status === 404) || ++failures > 5) {
          return setView({ kind: "error", title: "Could not load the result", message: errorMessage(error) });
        }
      }
      const elapsed = Date.now() - started;
      if (elapsed > GIVE_UP_MS) {
        setView((v) =>
          v.kind === "submission"
            ? { ...v, stale: "Still not graded after 10 minutes. The result will appear in History when it is ready." }
            : v,
        );
        return;
      }
      try {
        await sleep(elapsed < FAST_FOR_MS ? FAST_POLL_MS : SLOW_POLL_MS * (failures + 1), signal);
      } catch {
        return;
      }
    }
  }, []);

  const restart = () => {
    controller.current?.abort();
    controller.current = new AbortController();
    return controller.current.signal;
  };

  const submit = useCallback(
    async (code: string) => {
      const signal = restart();
      setView({ kind: "submitting" });
      try {
        const { submissionId } = await submitCode(exerciseId, code);
        if (signal.aborted) return;
        onSettledRef.current();
        await follow(submissionId, signal);
      } catch (error) {
        if (!signal.aborted) setView({ kind: "error", title: submitErrorTitle(error), message: errorMessage(error) });
      }
    },
    [exerciseId, follow],
  );

  const open = useCallback(
    (submissionId: string) => {
      const signal = restart();
      setView({ kind: "loading", submissionId });
      void follow(submissionId, signal);
    },
    [follow],
  );

  return { view, submit, open };
}
