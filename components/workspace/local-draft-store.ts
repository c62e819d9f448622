// This browser's copy of each draft, in localStorage, one key per user and exercise. It is the
// guarantee that typing survives a reload, a closed tab, a crash or an offline spell; the server
// copy follows when it can. Every read is parsed again (another tab or an older page may have
// written the key).
import { LocalDraft } from "@/lib/drafts/schemas";

const PREFIX = "interleave:draft:v1";
// Typing before this browser has a session (first visit, offline) is kept under no user; the
// next user to open the exercise in this browser adopts it.
const NO_SESSION = "~no-session";

function key(owner: string | null, exerciseId: string): string {
  return `${PREFIX}:${owner ?? NO_SESSION}:${exerciseId}`;
}

export function readLocalDraft(owner: string | null, exerciseId: string): LocalDraft | null {
  let raw: string | null;
  try {
    raw = localStorage.getItem(key(owner, exerciseId));
  } catch {
    // Storage disabled (privacy settings, sandboxed frame): there is no local copy to read.
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed = LocalDraft.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** False when the browser refused to keep it (storage full or disabled): the caller says so. */
export function writeLocalDraft(owner: string | null, exerciseId: string, draft: LocalDraft): boolean {
  try {
    localStorage.setItem(key(owner, exerciseId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeLocalDraft(owner: string | null, exerciseId: string): void {
  try {
    localStorage.removeItem(key(owner, exerciseId));
  } catch {
    // Storage disabled: nothing was kept either.
  }
}

/**
 * The local copy to reconcile with the server's: the user's own, or typing from before the
 * session existed when that is newer (moved under the user, so it is adopted once).
 */
export function takeLocalDraft(owner: string | null, exerciseId: string): LocalDraft | null {
  const own = readLocalDraft(owner, exerciseId);
  if (owner === null) return own;
  const orphan = readLocalDraft(null, exerciseId);
  if (!orphan) return own;
  if (own && own.writtenAt >= orphan.writtenAt) {
    removeLocalDraft(null, exerciseId);
    return own;
  }
  if (writeLocalDraft(owner, exerciseId, orphan)) removeLocalDraft(null, exerciseId);
  return orphan;
}
