import { CONCEPT_IDS, CONCEPTS, type ConceptId } from "../../exercises/quizzes/concepts.ts";
import { db } from "../db.ts";

export type MasteryLevel = "not-started" | "too-early" | "needs-practice" | "developing" | "solid";
export type ConceptMastery = {
  concept: ConceptId;
  label: string;
  exercises: readonly string[];
  answered: number;
  /** Mean score over the most recent answers (0..1), null before any. */
  recent: number | null;
  level: MasteryLevel;
};

/** How many of the latest answers per concept count: old mistakes stop weighing once fixed. */
export const RECENT_WINDOW = 6;
/** Answers on a concept before any level is shown: one slip (or one lucky guess) says little. */
export const MIN_EVIDENCE = 3;

export function masteryLevel(recent: number | null, answered: number): MasteryLevel {
  if (recent === null) return "not-started";
  if (answered < MIN_EVIDENCE) return "too-early";
  if (recent >= 0.8 && answered >= 2) return "solid";
  if (recent >= 0.5) return "developing";
  return "needs-practice";
}

/** Per-concept mastery from the viewer's submitted quiz items, weakest concepts first. */
export async function getMastery(options: { userId: string }): Promise<ConceptMastery[]> {
  const rows = await db.quizItemResult.findMany({
    where: { userId: options.userId },
    orderBy: [{ createdAt: "desc" }, { position: "asc" }],
    select: { concepts: true, score: true },
    take: 2000,
  });
  return masteryFrom(rows);
}

/** Mastery from item results, newest first ([] gives every concept "not-started"). */
export function masteryFrom(rows: { concepts: string[]; score: number }[]): ConceptMastery[] {
  const scores = new Map<string, number[]>();
  for (const row of rows) {
    for (const concept of row.concepts) scores.set(concept, [...(scores.get(concept) ?? []), row.score]);
  }
  const order: Record<MasteryLevel, number> = {
    "needs-practice": 0,
    developing: 1,
    "too-early": 2,
    "not-started": 3,
    solid: 4,
  };
  return CONCEPT_IDS.map((concept) => {
    const all = scores.get(concept) ?? [];
    const window = all.slice(0, RECENT_WINDOW);
    const recent = window.length ? Math.round((window.reduce((a, b) => a + b, 0) / window.length) * 100) / 100 : null;
    return {
      concept,
      label: CONCEPTS[concept].label,
      exercises: CONCEPTS[concept].exercises,
      answered: all.length,
      recent,
      level: masteryLevel(recent, all.length),
    };
  }).sort((a, b) => order[a.level] - order[b.level]);
}
