// Drawing an attempt's items from a seed, and regenerating them later from what was stored.
import { getQuiz, type QuizDefinition } from "../../exercises/quizzes/catalog.ts";
import { generateItem } from "../../exercises/quizzes/define.ts";
import { ITEM_DEFINITIONS } from "../../exercises/quizzes/items/index.ts";
import type { QuizItem } from "../../exercises/quizzes/schema.ts";
import { AppError } from "../errors.ts";
import type { DrawnItem } from "./schemas.ts";

/** One item per quiz position, each with its own seed derived from the attempt seed. */
export function drawItems(quiz: QuizDefinition, seed: string): DrawnItem[] {
  return quiz.definitions.map((definition, position) => {
    const itemSeed = `${seed}:${position}`;
    return { itemId: definition.id, variantId: generateItem(definition, itemSeed).variantId, seed: itemSeed };
  });
}

/** The exact items (with keys) an attempt drew; refuses if the content changed underneath it. */
export function regenerateItems(drawn: DrawnItem[]): QuizItem[] {
  return drawn.map((d) => {
    const definition = ITEM_DEFINITIONS.get(d.itemId);
    const item = definition ? generateItem(definition, d.seed) : undefined;
    if (!item || item.variantId !== d.variantId) {
      throw new AppError("conflict", "This quiz changed since the attempt was started. Please start a new attempt.");
    }
    return item;
  });
}

export function requireQuiz(quizId: string): QuizDefinition {
  const quiz = getQuiz(quizId);
  if (!quiz) throw new AppError("not_found", `There is no quiz "${quizId}".`);
  return quiz;
}
