// Quiz self-checks, run by `./interleave exercises check` and the unit tests: every quiz file
// parses and names known items; every item, over many seeds, generates a valid item, the same
// item again for the same seed, reaches every variant, and its own key scores full marks while
// a wrong answer does not.
import { isDeepStrictEqual } from "node:util";
import { loadQuizzes } from "./catalog.ts";
import { CONCEPTS } from "./concepts.ts";
import { generateItem, generateWithProgram, type ItemDefinition } from "./define.ts";
import { ITEM_DEFINITIONS } from "./items/index.ts";
import { enumerate, happensBefore, possibleOutputs, type Program, renderRust } from "./schedules.ts";
import type { QuizItem } from "./schema.ts";
import { type ItemAnswer, keyAnswer, scoreItem } from "./score.ts";

export type QuizCheckSummary = { passed: number; failed: number };

export function checkQuizzes(options: { seeds?: number; log: (line: string) => void }): QuizCheckSummary {
  const seeds = options.seeds ?? 60;
  const summary: QuizCheckSummary = { passed: 0, failed: 0 };
  const report = (ok: boolean, what: string, why = "") => {
    summary[ok ? "passed" : "failed"] += 1;
    options.log(ok ? `ok   quiz ${what}` : `FAIL quiz ${what}: ${why}`);
  };

  const { quizzes, problems } = loadQuizzes();
  for (const p of problems) report(false, p.file, p.message);
  const used = new Set(quizzes.flatMap((q) => q.items));
  for (const quiz of quizzes) report(true, `${quiz.id}.quiz.json (${quiz.items.length} items)`);
  for (const id of ITEM_DEFINITIONS.keys()) if (!used.has(id)) report(false, `item ${id}`, "no quiz uses it");

  for (const definition of ITEM_DEFINITIONS.values()) {
    const why = checkItem(definition, seeds);
    report(why === null, `item ${definition.id} (${definition.variants.length} variants × ${seeds} seeds)`, why ?? "");
  }
  return summary;
}

/** null when every seed yields a valid, self-consistent item; otherwise the first problem. */
export function checkItem(definition: ItemDefinition, seeds: number): string | null {
  const reached = new Set<string>();
  for (let s = 0; s < seeds; s += 1) {
    const seed = `check-${s}`;
    let item: QuizItem;
    try {
      item = generateItem(definition, seed);
    } catch (error) {
      return `seed ${seed}: ${error instanceof Error ? error.message : String(error)}`;
    }
    reached.add(item.variantId);
    // Items built on a program model must show exactly the program the model renders: the
    // model is what exercises check runs in every schedule (verify-run-claims.ts).
    const { program } = generateWithProgram(definition, seed);
    if (program && item.code?.source !== renderRust(program))
      return `seed ${seed} (${item.variantId}): the code shown is not the program its key was computed from`;
    const wrongKey = program ? keyAgainstModel(item, program) : null;
    if (wrongKey) return `seed ${seed} (${item.variantId}): ${wrongKey}`;
    if (!isDeepStrictEqual(generateItem(definition, seed), item)) return `seed ${seed}: not deterministic`;
    const key = scoreItem(item, keyAnswer(item));
    if (!key.correct || key.score !== 1) return `seed ${seed} (${item.variantId}): the key does not score full marks`;
    const wrong = wrongAnswer(item);
    if (scoreItem(item, wrong).correct) return `seed ${seed} (${item.variantId}): a wrong answer is accepted`;
    for (const c of item.concepts) if (!(c in CONCEPTS)) return `unknown concept ${c}`;
  }
  const missing = definition.variants.map((v) => v.id).filter((id) => !reached.has(id));
  if (missing.length > 0) return `variants never drawn in ${seeds} seeds: ${missing.join(", ")}`;
  return null;
}

/**
 * A possible-outcomes key must mark exactly the outcomes some schedule prints (an option's text
 * is the output's lines joined by ", "); a partial-order key's edges must be the program's
 * happens-before arrows. Both are recomputed from the model here.
 */
export function keyAgainstModel(item: QuizItem, program: Program): string | null {
  const outcomes = enumerate(program);
  if (item.type === "possible") {
    const possible = new Set(possibleOutputs(outcomes).map((lines) => lines.join(", ")));
    const wrong = item.options.find((o) => o.correct !== possible.has(o.text));
    return wrong
      ? `option "${wrong.text}" is marked ${wrong.correct ? "possible" : "impossible"}, but the program's schedules say otherwise`
      : null;
  }
  if (item.type === "dag-order") {
    const text = new Map(item.lines.map((l) => [l.id, l.text]));
    const shown = item.edges.map(([a, b]) => `${text.get(a)} → ${text.get(b)}`).sort();
    const real = happensBefore(outcomes)
      .edges.map(([a, b]) => `${a} → ${b}`)
      .sort();
    return shown.join("; ") === real.join("; ")
      ? null
      : `the key's arrows (${shown.join("; ")}) are not the program's happens-before arrows (${real.join("; ")})`;
  }
  return null;
}

function wrongAnswer(item: QuizItem): ItemAnswer {
  if (item.type === "numeric") return { kind: "numeric", value: item.numeric.answer + item.numeric.tolerance * 2 + 1 };
  if (item.type === "order" || item.type === "dag-order")
    return { kind: "order", lineIds: item.lines.map((l) => l.id).reverse() };
  const wrongOption = item.options.find((o) => !o.correct) ?? item.options[0];
  return { kind: "choice", optionIds: wrongOption ? [wrongOption.id] : [] };
}
