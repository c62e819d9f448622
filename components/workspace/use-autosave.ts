"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ensureSession } from "@/components/auth/ensure-session";
import { codeFingerprint } from "@/lib/drafts/code-fingerprint";
import { reconcileDrafts, type Reconciled } from "@/lib/drafts/reconcile-drafts";
import { errorMessage, saveDraftCode, sendDraftOnLeave } from "./api";
import { removeLocalDraft, takeLocalDraft, writeLocalDraft } from "./local-draft-store";

export type SaveState =
  | { kind: "pristine" }
  | { kind: "saved"; at: Date | null }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "empty" }
  | { kind: "error"; message: string; keptLocally: boolean };

const DEBOUNCE_MS = 1000;

/**
 * Keeps the editor's code in two places. Every change is written to this browser at once
 * (local-draft-store.ts): that copy is the guarantee. The server copy follows about a second
 * after typing stops, one save at a time; leaving the page sends the last change with a
 * keepalive request that does not wait for anything, and if it does not arrive the local copy
 * wins on the next load (restore).
 */
export function useAutosave({
  exerciseId,
  userId,
  savedCode,
  savedAt,
}: {
  exerciseId: string;
  userId: string | null;
  savedCode: string;
  savedAt: string | null;
}) {
  const [state, setState] = useState<SaveState>(
    savedAt ? { kind: "saved", at: new Date(savedAt) } : { kind: "pristine" },
  );
  const latest = useRef(savedCode);
  const writtenAt = useRef(0);
  const lastSaved = useRef(savedCode);
  /** The server draft's updatedAt the editor's code is based on. */
  const base = useRef(savedAt);
  /** Fingerprints of saves sent since `base` and not confirmed. */
  const sent = useRef<string[]>([]);
  const owner = useRef(userId);
  const restored = useRef(false);
  const keptLocally = useRef(true);
  const leaving = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);

  const persist = useCallback(() => {
    const code = latest.current;
    const draft = {
      v: 1 as const,
      code,
      writtenAt: writtenAt.current,
      baseUpdatedAt: base.current,
      saved: code === lastSaved.current,
      sent: sent.current,
    };
    keptLocally.current = writeLocalDraft(owner.current, exerciseId, draft);
  }, [exerciseId]);

  const markSent = useCallback(
    (code: string) => {
      const fingerprint = codeFingerprint(code);
      sent.current = [...sent.current.filter((f) => f !== fingerprint), fingerprint].slice(-10);
      persist();
    },
    [persist],
  );

  const confirm = useCallback(
    (code: string, updatedAt: string) => {
      lastSaved.current = code;
      base.current = updatedAt;
      sent.current = sent.current.filter((f) => f !== codeFingerprint(code));
      persist();
      if (latest.current === code) setState({ kind: "saved", at: new Date(updatedAt) });
    },
    [persist],
  );

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const code = latest.current;
    if (code === lastSaved.current) return setState((s) => (s.kind === "error" ? s : { kind: "saved", at: null }));
    if (code.trim() === "") return setState({ kind: "empty" });
    if (inFlight.current) return;
    inFlight.current = true;
    setState({ kind: "saving" });
    markSent(code);
    try {
      const { updatedAt } = await saveDraftCode(exerciseId, code);
      confirm(code, updatedAt);
    } catch (error) {
      setState({ kind: "error", message: errorMessage(error), keptLocally: keptLocally.current });
      return;
    } finally {
      inFlight.current = false;
    }
    if (latest.current !== lastSaved.current) void save();
  }, [exerciseId, markSent, confirm]);

  const onChange = useCallback(
    (code: string) => {
      latest.current = code;
      writtenAt.current = Date.now();
      persist();
      if (code === lastSaved.current) return;
      setState((s) => (s.kind === "saving" ? s : { kind: "dirty" }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
    },
    [persist, save],
  );

  /** Once, when the editor is ready: which copy it opens with (reconcile-drafts.ts). */
  const restore = useCallback((): Reconciled => {
    const local = takeLocalDraft(owner.current, exerciseId);
    const result = reconcileDrafts({ server: { code: lastSaved.current, updatedAt: base.current }, local });
    restored.current = true;
    // The server confirmed the same code. A losing local copy stays until the next change
    // overwrites it: besides the undo history, it is the only place that code still lives.
    if (result.reason === "same") removeLocalDraft(owner.current, exerciseId);
    if (result.winner === "server") return result;
    latest.current = result.code;
    // Keep the original time: a restored copy is no newer than when it was typed.
    writtenAt.current = local?.writtenAt ?? Date.now();
    sent.current = [];
    persist();
    void save();
    return result;
  }, [exerciseId, persist, save]);

  // A first visit has no session yet: until one exists, changes are kept locally under no user.
  useEffect(() => {
    if (owner.current) return;
    ensureSession().then(
      (id) => {
        owner.current = id;
        takeLocalDraft(id, exerciseId);
        if (restored.current && latest.current !== lastSaved.current) persist();
      },
      () => {},
    );
  }, [exerciseId, persist]);

  useEffect(() => {
    // Leaving (tab hidden, page unloaded, or a client-side navigation unmounting the page):
    // send the last change now, without awaiting anything, or it never leaves the page.
    const flush = () => {
      const code = latest.current;
      if (code === lastSaved.current || code.trim() === "" || code === leaving.current) return;
      // No session yet, or too big for a keepalive request: the local copy covers it.
      if (owner.current === null) return;
      const request = sendDraftOnLeave(exerciseId, code);
      if (!request) return;
      markSent(code);
      leaving.current = code;
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      request.then(
        ({ updatedAt }) => confirm(code, updatedAt),
        () => {
          // Still here (the tab was only hidden): the ordinary save checks the session and retries.
          leaving.current = null;
          void save();
        },
      );
    };
    const onVisibility = () => document.visibilityState === "hidden" && flush();
    const onOnline = () => latest.current !== lastSaved.current && void save();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", flush);
    window.addEventListener("online", onOnline);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", flush);
      window.removeEventListener("online", onOnline);
      flush();
    };
  }, [exerciseId, markSent, confirm, save]);

  return { state, onChange, restore, saveNow: save };
}
