// What may enter through the API's edge, shared by every route (bodies, path segments, query
// strings), the better-auth user hooks and the pages. Text never carries control characters:
// Postgres refuses NUL outright (a 500 before this module), and no name, title or search term
// legitimately holds an escape code or a line break. Code keeps tabs and line breaks.
// No Node imports: the browser parses with the same schemas.
import { z } from "zod";
import { codeProblem } from "../submissions/code-rules.ts";

// C0 controls, DEL and C1 controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

function controlMessage(text: string): string | null {
  const found = CONTROL.exec(text);
  if (!found) return null;
  return `contains the control character U+${found[0].charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}`;
}

/** One line of text: at most `max` characters, no control characters, no broken surrogates. */
export function singleLine(max: number) {
  return z
    .string()
    .max(max, `at most ${max} characters`)
    .superRefine((text, ctx) => {
      // Past the cap already reported: scanning a 10 MB string again adds nothing.
      if (text.length > max) return;
      const control = controlMessage(text);
      if (control) ctx.addIssue({ code: "custom", message: control });
      else if (!text.isWellFormed()) ctx.addIssue({ code: "custom", message: "contains a broken Unicode character" });
    });
}

export const NAME_MAX = 100;
export const SEARCH_MAX = 100;
export const EMAIL_MAX = 254;

// No route takes a title yet; when one does, it is singleLine(200).

/** A person's display name (better-auth's user.name). */
export const PersonName = singleLine(NAME_MAX).trim().min(1, "is required");
/** A search box's text; empty means no filter. */
export const SearchTerm = singleLine(SEARCH_MAX).trim();
export const Email = singleLine(EMAIL_MAX).trim().toLowerCase().pipe(z.email("is not an email address"));

// Ids as the database makes them: uuids (Postgres accepts any hex layout, so no version check),
// better-auth's user ids (32 random letters and digits; tests use "user_<uuid>").
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const Uuid = z.string().regex(UUID, "is not an id");
export const UserId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "is not a user id");

/** An exercise's public id, "<track>/<slug>". */
export const TrackSlug = z
  .string()
  .trim()
  .min(1, "is required")
  .max(200, "at most 200 characters")
  .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, "looks like ts/shared-counter");
/** A quiz's content id, e.g. "async-rust". */
export const QuizId = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,100}$/, "looks like async-rust");

/**
 * Student code, by the same rules as lib/submissions/code-rules.ts. An oversized file keeps its
 * 413: the issue carries the AppError code the wrapper answers with.
 */
export const Code = z.string().superRefine((code, ctx) => {
  const problem = codeProblem(code);
  if (problem) ctx.addIssue({ code: "custom", message: problem.message, params: { appCode: problem.code } });
});

/** Every error the API answers with (lib/http/errors-to-response.ts builds it). */
export const ApiErrorResponse = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** A path segment before its route's own schema: bounded, plain text (else 400). */
export const PathSegment = singleLine(200);
