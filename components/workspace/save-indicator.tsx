"use client";

import { Check, CircleAlert, Cloud, LoaderCircle } from "lucide-react";
import type { SaveState } from "./use-autosave";

/**
 * "Saved" / "Saving…" / the error, announced politely to screen readers. Every change is also
 * kept in this browser, so a failed server save says so rather than "Not saved".
 */
export function SaveIndicator({ state }: { state: SaveState }) {
  const content = (() => {
    switch (state.kind) {
      case "pristine":
        return (
          <>
            <Cloud className="size-3.5" aria-hidden /> Starter code — changes save automatically
          </>
        );
      case "saved":
        return (
          <>
            <Check className="size-3.5 text-pass" aria-hidden /> Saved
          </>
        );
      case "dirty":
        return (
          <>
            <Cloud className="size-3.5" aria-hidden /> Unsaved changes
          </>
        );
      case "saving":
        return (
          <>
            <LoaderCircle className="size-3.5 animate-spin" aria-hidden /> Saving…
          </>
        );
      case "empty":
        return (
          <>
            <Cloud className="size-3.5" aria-hidden /> Not saved: the editor is empty
          </>
        );
      case "error":
        if (state.keptLocally) {
          return (
            <span className="flex items-center gap-1.5" title={`Not saved to the server: ${state.message}`}>
              <CircleAlert className="size-3.5 text-fail" aria-hidden /> Saved in this browser only: {state.message}
            </span>
          );
        }
        return (
          <span className="flex items-center gap-1.5 text-fail" title={state.message}>
            <CircleAlert className="size-3.5" aria-hidden /> Not saved: {state.message}
          </span>
        );
    }
  })();
  return (
    <span
      role="status"
      data-testid="save-status"
      data-state={state.kind}
      className="flex min-w-0 items-center gap-1.5 truncate text-xs text-muted"
    >
      {content}
    </span>
  );
}
