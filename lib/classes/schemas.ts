// Shapes at the class boundaries (API requests and responses, page params), shared by routes,
// forms and tests. Dates travel as ISO strings.
import { z } from "zod";
import { EMAIL_MAX, TrackSlug, QuizId, singleLine } from "../http/schemas.ts";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normaliseJoinCode } from "./join-code.ts";

export const ClassName = singleLine(200)
  .trim()
  .min(1, "Give the class a name.")
  .max(80, "Class names are at most 80 characters.");

export const CreateClassRequest = z.object({ name: ClassName }).strict();
export type CreateClassRequest = z.infer<typeof CreateClassRequest>;
export const CreateClassResponse = z.object({
  class: z.object({ id: z.string(), name: z.string(), joinCode: z.string() }),
});

export const UpdateClassRequest = z
  .object({ name: ClassName.optional(), archived: z.boolean().optional() })
  .strict()
  .refine((body) => body.name !== undefined || body.archived !== undefined, "Send a name or archived.");
export type UpdateClassRequest = z.infer<typeof UpdateClassRequest>;
export const UpdateClassResponse = z.object({
  class: z.object({ id: z.string(), name: z.string(), archived: z.boolean() }),
});

/** Accepts what people type or paste ("abcd-efgh", " ABCD EFGH "), yields the stored form. */
export const JoinCode = singleLine(40)
  .transform(normaliseJoinCode)
  .pipe(
    z
      .string()
      .length(JOIN_CODE_LENGTH, `A join code has ${JOIN_CODE_LENGTH} letters and digits.`)
      .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`), "That is not a join code."),
  );

export const JoinClassRequest = z.object({ code: JoinCode }).strict();
export const JoinClassResponse = z.object({ classId: z.string(), name: z.string(), alreadyMember: z.boolean() });

/** An ISO date-time with offset (the browser converts its local time), or null for "no due date". */
export const DueAt = z
  .union([z.iso.datetime({ offset: true }), z.null()])
  .transform((value) => (value === null ? null : new Date(value)))
  .refine(
    (date) => date === null || (date.getUTCFullYear() >= 2000 && date.getUTCFullYear() <= 2100),
    "Pick a due date between 2000 and 2100.",
  );

export const AddAssignmentRequest = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("exercise"),
      exerciseId: TrackSlug,
      dueAt: DueAt.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal("quiz"),
      quizId: QuizId,
      dueAt: DueAt.optional(),
    })
    .strict(),
]);
export type AddAssignmentRequest = z.infer<typeof AddAssignmentRequest>;
export const AddAssignmentResponse = z.object({ assignment: z.object({ id: z.string() }) });

export const UpdateAssignmentRequest = z.object({ dueAt: DueAt }).strict();
export const UpdateAssignmentResponse = z.object({
  assignment: z.object({ id: z.string(), dueAt: z.string().nullable() }),
});

export const MAX_INVITATIONS = 50;

export const InviteRequest = z.object({
  emails: z
    .array(singleLine(EMAIL_MAX).trim().toLowerCase())
    .min(1, { error: "add at least one email address" })
    .max(MAX_INVITATIONS, { error: `at most ${MAX_INVITATIONS} addresses at a time` })
    .superRefine((emails, ctx) => {
      // Name every bad address at once, so the teacher can fix the list in one go.
      const bad = emails.filter((e) => !z.email().safeParse(e).success);
      if (bad.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `not email addresses: ${bad
            .slice(0, 5)
            .map((e) => `"${e}"`)
            .join(", ")}${bad.length > 5 ? ` and ${bad.length - 5} more` : ""}. Nothing was sent`,
        });
      }
    }),
});
export type InviteRequest = z.infer<typeof InviteRequest>;
export const InviteResponse = z.object({ sent: z.number().int(), failed: z.array(z.string()) });
