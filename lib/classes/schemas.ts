// Shapes at the class boundaries (API bodies, page params), shared by routes, forms and tests.
import { z } from "zod";
import { ExerciseSlug, QuizId, singleLine } from "../http/schemas.ts";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normaliseJoinCode } from "./join-code.ts";

export const ClassName = singleLine(200)
  .trim()
  .min(1, "Give the class a name.")
  .max(80, "Class names are at most 80 characters.");

export const CreateClassRequest = z.object({ name: ClassName }).strict();
export type CreateClassRequest = z.infer<typeof CreateClassRequest>;

export const UpdateClassRequest = z
  .object({ name: ClassName.optional(), archived: z.boolean().optional() })
  .strict()
  .refine((body) => body.name !== undefined || body.archived !== undefined, "Send a name or archived.");
export type UpdateClassRequest = z.infer<typeof UpdateClassRequest>;

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
      exerciseId: ExerciseSlug,
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

export const UpdateAssignmentRequest = z.object({ dueAt: DueAt }).strict();
