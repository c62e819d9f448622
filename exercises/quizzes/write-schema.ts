// Writes (or with --check, verifies) exercises/quizzes/quiz.schema.json from the zod QuizFile.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { quizJsonSchema } from "./schema.ts";

export const QUIZ_SCHEMA_FILE = path.join(import.meta.dirname, "quiz.schema.json");

export async function writeQuizSchema(options: { check: boolean }): Promise<{ stale: boolean }> {
  const wanted = quizJsonSchema();
  const current = await readFile(QUIZ_SCHEMA_FILE, "utf8").catch(() => "");
  if (options.check) return { stale: current !== wanted };
  if (current !== wanted) await writeFile(QUIZ_SCHEMA_FILE, wanted);
  return { stale: false };
}
