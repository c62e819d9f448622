"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage, saveDraftCode } from "./api";

export type SaveState =
  | { kind: "pristine" }
  | { kind: "saved"; at: Date | null }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "empty" }
  | { kind: "error"; message: string };

const DEBOUNCE_MS = 1000;

/**
 * Saves the editor contents to the server about a second after typing stops. One save is in
 * flight at a time; edits made meanwhile are saved right after it. Leaving the page flushes a
 * pending save with a keepalive request.
 */
export function useAutosave({ exerciseId, savedCode, savedAt }: { exerciseId: string; savedCode: string; savedAt: Date | null }) {
  const [state, setState] = useState<SaveState>(savedAt ? { kind: "saved", at: savedAt } : { kind: "pristine" });
  const latest = useRef(savedCode);
  const lastSaved = useRef(savedCode);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const code = latest.current;
    if (code === lastSaved.current) return setState((s) => (s.kind === "error" ? s : { kind: "saved", at: null }));
    if (code.trim() === "") return setState({ kind: "empty" });
    if (inFlight.current) return;
    inFlight.current = true;
    setState({ kind: "saving" });
    try {
      const { updatedAt } = await saveDraftCode(exerciseId, code);
      lastSaved.current = code;
      setState({ kind: "saved", at: new Date(updatedAt) });
    } catch (error) {
      setState({ kind: "error", message: errorMessage(error) });
      return;
    } finally {
      inFlight.current = false;
    }
    if (latest.current !== lastSaved.current) void save();
  }, [exerciseId]);

  const onChange = useCallback(
    (code: string) => {
      latest.current = code;
      if (code === lastSaved.current) return;
      setState((s) => (s.kind === "saving" ? s : { kind: "dirty" }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
    },
    [save],
  );

  useEffect(() => {
    // Leaving (tab hidden, page unloaded, or a client-side navigation unmounting the page)
    // must not drop the last second of typing.
    const flush = () => {
      const code = latest.current;
      if (code === lastSaved.current || code.trim() === "") return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      void saveDraftCode(exerciseId, code, { keepalive: true }).then(
        () => (lastSaved.current = code),
        () => {},
      );
    };
    const onVisibility = () => document.visibilityState === "hidden" && flush();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", flush);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [exerciseId]);

  return { state, onChange, saveNow: save };
}
