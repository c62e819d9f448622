// Set an exercise (by its public id) or a quiz (by its content id) for a class, optionally
// with a due date. Each can be set once per class; the unique indexes enforce it under races.
import type { Viewer } from "../auth/viewer.ts";
import { getQuiz } from "../../exercises/quizzes/catalog.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { getTaughtClass } from "./class-access.ts";
import { AddAssignmentRequest } from "./schemas.ts";

export async function addAssignment(options: {
  viewer: Viewer | null;
  classId: string;
  assignment: AddAssignmentRequest;
}): Promise<{ id: string }> {
  const found = await getTaughtClass({ viewer: options.viewer, classId: options.classId });
  // Already parsed at the edge (the schema turns the due date string into a Date).
  const input = options.assignment;
  const dueAt = input.dueAt ?? null;

  let target: { kind: "exercise"; exerciseId: string } | { kind: "quiz"; quizId: string };
  if (input.kind === "exercise") {
    const exercise = await db.exercise.findUnique({
      where: { trackSlug: input.exerciseId },
      select: { id: true, archived: true },
    });
    if (!exercise || exercise.archived)
      throw new AppError("bad_request", `There is no exercise "${input.exerciseId}".`);
    target = { kind: "exercise", exerciseId: exercise.id };
  } else {
    if (!getQuiz(input.quizId)) throw new AppError("bad_request", `There is no quiz "${input.quizId}".`);
    target = { kind: "quiz", quizId: input.quizId };
  }

  const last = await db.assignment.aggregate({ where: { classId: found.id }, _max: { position: true } });
  try {
    return await db.assignment.create({
      data: { classId: found.id, ...target, dueAt, position: (last._max.position ?? -1) + 1 },
      select: { id: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", `This ${input.kind} is already assigned to the class.`);
    }
    throw error;
  }
}
