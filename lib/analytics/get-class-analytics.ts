// The class overview: every assignment as an item of the class's "assessment", with mean
// score, discrimination (item-statistics.ts says which total and why), attempted/passed
// counts; and for each quiz its items' statistics from the students' best attempts.
import { getQuiz } from "../../exercises/quizzes/catalog.ts";
import type { Viewer } from "../auth/viewer.ts";
import { getTaughtClass } from "../classes/class-access.ts";
import { db } from "../db.ts";
import { discrimination, itemStatistics, type ItemStatistic } from "./item-statistics.ts";
import {
  loadClassMembers,
  loadExerciseBestScores,
  loadQuizBestAttempts,
  type AssignmentRow,
} from "./load-class-scores.ts";
import { mean } from "./statistics.ts";

export type AssignmentAnalytics = AssignmentRow & {
  stats: ItemStatistic;
  /** Exercises: students with a passing submission; quizzes: students with a full score. */
  passed: number;
};

export type QuizItemAnalytics = {
  quizId: string;
  items: Array<{
    itemId: string;
    concepts: string[];
    answered: number;
    meanScore: number | null;
    discrimination: number | null;
    discriminationIncluding: number | null;
  }>;
};

export type ClassAnalytics = { students: number; assignments: AssignmentAnalytics[]; quizItems: QuizItemAnalytics[] };

export async function getClassAnalytics(options: { viewer: Viewer | null; classId: string }): Promise<ClassAnalytics> {
  await getTaughtClass({ viewer: options.viewer, classId: options.classId });
  const [members, assignments] = await Promise.all([
    loadClassMembers({ classId: options.classId }),
    db.assignment.findMany({
      where: { classId: options.classId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        kind: true,
        exerciseId: true,
        quizId: true,
        position: true,
        dueAt: true,
        exercise: { select: { trackSlug: true, title: true } },
      },
    }),
  ]);
  const userIds = members.map((m) => m.userId);
  const rows: AssignmentRow[] = assignments.flatMap((a): AssignmentRow[] => {
    if (a.kind === "exercise" && a.exercise && a.exerciseId) {
      return [
        {
          id: a.id,
          kind: "exercise",
          ref: a.exercise.trackSlug,
          exerciseId: a.exerciseId,
          title: a.exercise.title,
          position: a.position,
          dueAt: a.dueAt,
        },
      ];
    }
    if (a.kind === "quiz" && a.quizId) {
      const quiz = getQuiz(a.quizId);
      return [
        {
          id: a.id,
          kind: "quiz",
          ref: a.quizId,
          exerciseId: null,
          title: quiz?.title ?? a.quizId,
          position: a.position,
          dueAt: a.dueAt,
        },
      ];
    }
    return [];
  });
  const [exerciseScores, quizBest] = await Promise.all([
    loadExerciseBestScores({ exerciseIds: rows.flatMap((r) => (r.exerciseId ? [r.exerciseId] : [])), userIds }),
    loadQuizBestAttempts({ quizIds: rows.filter((r) => r.kind === "quiz").map((r) => r.ref), userIds }),
  ]);

  const items = rows.map((row) => {
    const scores = new Map<string, number>();
    let passed = 0;
    if (row.exerciseId) {
      for (const [userId, s] of exerciseScores.get(row.exerciseId) ?? []) {
        scores.set(userId, s.best);
        if (s.passed) passed++;
      }
    } else {
      for (const [userId, s] of quizBest.get(row.ref) ?? []) {
        scores.set(userId, s.fraction);
        if (s.fraction >= 1) passed++;
      }
    }
    return { row, scores, passed };
  });
  const stats = itemStatistics({ studentIds: userIds, items: items.map((i) => ({ id: i.row.id, scores: i.scores })) });
  const quizItems = await Promise.all(
    rows.filter((r) => r.kind === "quiz").map((r) => quizItemAnalytics({ quizId: r.ref, best: quizBest.get(r.ref) })),
  );
  return {
    students: userIds.length,
    assignments: items.map((item, i) => ({
      ...item.row,
      passed: item.passed,
      stats: stats[i] ?? emptyStat(item.row.id, userIds.length),
    })),
    quizItems,
  };
}

/** Each item of a quiz over the students' best attempts: item score vs the rest of that attempt. */
async function quizItemAnalytics(options: {
  quizId: string;
  best: Map<string, { attemptId: string; score: number }> | undefined;
}): Promise<QuizItemAnalytics> {
  const attempts = [...(options.best?.values() ?? [])];
  const results = attempts.length
    ? await db.quizItemResult.findMany({
        where: { attemptId: { in: attempts.map((a) => a.attemptId) } },
        select: { attemptId: true, itemId: true, score: true, concepts: true },
      })
    : [];
  const attemptScore = new Map(attempts.map((a) => [a.attemptId, a.score]));
  const byItem = new Map<string, { concepts: string[]; pairs: { item: number; rest: number }[] }>();
  for (const r of results) {
    const entry = byItem.get(r.itemId) ?? { concepts: r.concepts, pairs: [] };
    entry.pairs.push({ item: r.score, rest: (attemptScore.get(r.attemptId) ?? 0) - r.score });
    byItem.set(r.itemId, entry);
  }
  // Items appear in the quiz file's order; a drawn item no longer in the file comes last.
  const order = getQuiz(options.quizId)?.items ?? [];
  const ids = [...byItem.keys()].sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
  return {
    quizId: options.quizId,
    items: ids.map((itemId) => {
      const entry = byItem.get(itemId) ?? { concepts: [], pairs: [] };
      return {
        itemId,
        concepts: entry.concepts,
        answered: entry.pairs.length,
        meanScore: mean(entry.pairs.map((p) => p.item)),
        ...discrimination(entry.pairs),
      };
    }),
  };
}

function rank(order: readonly string[], id: string): number {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
}

function emptyStat(id: string, students: number): ItemStatistic {
  return { id, attempted: 0, students, meanScore: null, discrimination: null, discriminationIncluding: null };
}
