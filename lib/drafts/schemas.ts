// The draft boundary: the autosave API's request and response, and the browser's local copy.
import { z } from "zod";
import { Code, TrackSlug } from "../http/schemas.ts";

/** Autosave (PUT /api/drafts): code rules as for submissions. */
export const SaveDraftRequest = z.object({ exerciseId: TrackSlug, code: Code });
export const SaveDraftResponse = z.object({ updatedAt: z.string() });

export const DraftQuery = z.object({ exerciseId: TrackSlug });
export const DraftResponse = z.object({ draft: z.object({ code: z.string(), updatedAt: z.string() }).nullable() });
export type DraftResponse = z.infer<typeof DraftResponse>;

// The browser's own copy of a draft (localStorage), re-parsed on every read: another tab, an
// older version of this page or a browser extension may have written the key.
export const LocalDraft = z.object({
  v: z.literal(1),
  code: z.string(),
  /** When this browser wrote it (Date.now()). */
  writtenAt: z.number().finite(),
  /** The server draft's updatedAt the editor had seen last (ISO), null when there was none. */
  baseUpdatedAt: z.string().nullable(),
  /** The server confirmed this exact code (at baseUpdatedAt). */
  saved: z.boolean(),
  /** Fingerprints of saves sent since baseUpdatedAt and not confirmed (codeFingerprint). */
  sent: z.array(z.string()).max(20),
});
export type LocalDraft = z.infer<typeof LocalDraft>;

/** The draft as the page was rendered: the saved code (or the starter) and when it was saved. */
export type ServerDraft = { code: string; updatedAt: string | null };
