// The quiz files, parsed once with zod and resolved against the item registry. Imported
// statically (not read from disk) so the web build bundles exactly the content it was built with.
import asyncRust from "./async-rust.quiz.json";
import cancellationAndBackpressure from "./cancellation-and-backpressure.quiz.json";
import choosing from "./choosing.quiz.json";
import foundations from "./foundations.quiz.json";
import sharedState from "./shared-state.quiz.json";
import type { ItemDefinition } from "./define.ts";
import { ITEM_DEFINITIONS } from "./items/index.ts";
import { QuizFile } from "./schema.ts";

export type QuizDefinition = QuizFile & { definitions: ItemDefinition[] };

const RAW_FILES: Record<string, unknown> = {
  "foundations.quiz.json": foundations,
  "async-rust.quiz.json": asyncRust,
  "shared-state.quiz.json": sharedState,
  "choosing.quiz.json": choosing,
  "cancellation-and-backpressure.quiz.json": cancellationAndBackpressure,
};

export type QuizProblem = { file: string; message: string };

/** Every quiz and every problem (bad shape, unknown item, id not matching the file name). */
export function loadQuizzes(raw: Record<string, unknown> = RAW_FILES): {
  quizzes: QuizDefinition[];
  problems: QuizProblem[];
} {
  const quizzes: QuizDefinition[] = [];
  const problems: QuizProblem[] = [];
  for (const [file, json] of Object.entries(raw)) {
    const parsed = QuizFile.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ file, message: `${issue.path.join(".") || "(root)"}: ${issue.message}` });
      continue;
    }
    if (`${parsed.data.id}.quiz.json` !== file)
      problems.push({ file, message: `id "${parsed.data.id}" does not match the file name` });
    const definitions: ItemDefinition[] = [];
    for (const itemId of parsed.data.items) {
      const definition = ITEM_DEFINITIONS.get(itemId);
      if (definition) definitions.push(definition);
      else problems.push({ file, message: `unknown item "${itemId}"` });
    }
    if (new Set(parsed.data.items).size !== parsed.data.items.length)
      problems.push({ file, message: "an item is listed twice" });
    quizzes.push({ ...parsed.data, definitions });
  }
  return { quizzes: quizzes.sort((a, b) => a.position - b.position), problems };
}

let cached: QuizDefinition[] | undefined;

/** The shipped quizzes; throws if the content is broken (the self-checks report it first). */
export function getQuizzes(): QuizDefinition[] {
  if (cached) return cached;
  const { quizzes, problems } = loadQuizzes();
  if (problems.length > 0)
    throw new Error(`quiz content is invalid: ${problems.map((p) => `${p.file}: ${p.message}`).join("; ")}`);
  cached = quizzes;
  return quizzes;
}

export function getQuiz(id: string): QuizDefinition | undefined {
  return getQuizzes().find((q) => q.id === id);
}
