import { codeFingerprint } from "./code-fingerprint.ts";
import type { LocalDraft, ServerDraft } from "./schemas.ts";

export type Reconciled = {
  winner: "server" | "local";
  /** What the editor shows. */
  code: string;
  /** The losing copy, kept one undo step back; null when the copies agree. */
  previous: string | null;
  /** What the student is told: local work restored, or local work set aside for a newer save. */
  notice: "restored" | "replaced" | null;
  reason:
    "no-local" | "same" | "on-top-of-server" | "own-save-landed" | "no-server-draft" | "local-newer" | "server-newer";
};

function time(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * Which copy of a draft the editor opens with: the server's (rendered into the page) or this
 * browser's (written on every keystroke). The newest wins and the other stays one undo step
 * back. "Newest" is decided without clocks where possible: a server draft unchanged since the
 * local copy was based on it, or one holding a save this browser sent, is older than the local
 * copy. Only a save from elsewhere (another device or browser) is compared by time — the
 * browser's clock against the server's — so a stale local copy never overwrites it silently.
 */
export function reconcileDrafts({ server, local }: { server: ServerDraft; local: LocalDraft | null }): Reconciled {
  if (!local) return { winner: "server", code: server.code, previous: null, notice: null, reason: "no-local" };
  if (local.code === server.code)
    return { winner: "server", code: server.code, previous: null, notice: null, reason: "same" };

  const localWins = (reason: Reconciled["reason"]): Reconciled => ({
    winner: "local",
    code: local.code,
    previous: server.code,
    notice: "restored",
    reason,
  });
  const serverWins = (): Reconciled => ({
    winner: "server",
    code: server.code,
    previous: local.code,
    // A local copy the server had confirmed was no unsaved work: nothing to tell.
    notice: local.saved ? null : "replaced",
    reason: "server-newer",
  });

  const serverTime = time(server.updatedAt);
  if (serverTime === null) return localWins("no-server-draft");
  if (serverTime === time(local.baseUpdatedAt)) return local.saved ? serverWins() : localWins("on-top-of-server");
  if (local.sent.includes(codeFingerprint(server.code))) return localWins("own-save-landed");
  return local.writtenAt > serverTime ? localWins("local-newer") : serverWins();
}
