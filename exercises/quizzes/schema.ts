// Quiz content contracts (../shared/DESIGN.md, Contracts §2). Two shapes:
// - QuizFile: `exercises/quizzes/<id>.quiz.json`, the list of items a quiz draws (JSON schema
//   quiz.schema.json is generated from it; a unit test fails when it is stale);
// - QuizItem: what a variant generator produces for one seed, answer key included. The key is
//   computed by the generator from its parameters; the self-consistency rules live here.
import { z } from "zod";
import { CONCEPT_IDS, KNOWN_EXERCISE_IDS } from "./concepts.ts";

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ConceptId = z.enum(CONCEPT_IDS);
export const ExerciseRef = z.enum(KNOWN_EXERCISE_IDS);
const Explanation = z.string().min(12, "every explanation says why");

export const CodeBlock = z.object({ lang: z.enum(["rust", "typescript"]), source: z.string().min(1) }).strict();
export type CodeBlock = z.infer<typeof CodeBlock>;

export const CompileOutcome = z.union([
  z.literal("compiles"),
  z.string().regex(/^E\d{4}$/, "a rustc error code like E0277"),
]);
export type CompileOutcome = z.infer<typeof CompileOutcome>;

export const ChoiceOption = z
  .object({
    id: z.string().regex(/^[a-h]$/),
    text: z.string().min(1),
    correct: z.boolean(),
    explanation: Explanation,
    /** does-it-compile items: the outcome this option claims. */
    outcome: CompileOutcome.optional(),
    /** which-line-races items: the 1-based line of the code this option names. */
    line: z.number().int().min(1).optional(),
  })
  .strict();
export type ChoiceOption = z.infer<typeof ChoiceOption>;

export const OrderLine = z
  .object({ id: z.string().regex(/^l\d$/), text: z.string().min(1), explanation: Explanation })
  .strict();

export const NumericKey = z
  .object({
    answer: z.number(),
    tolerance: z.number().positive(),
    unit: z.string().max(12).describe("empty for a plain count"),
    explanation: Explanation,
    /** Answers a known misconception leads to, each with why it is wrong. */
    misconceptions: z.array(z.object({ value: z.number(), explanation: Explanation }).strict()).max(4),
  })
  .strict();

const common = {
  itemId: z.string().regex(kebab),
  variantId: z.string().regex(kebab),
  concepts: z.array(ConceptId).min(1).max(4),
  exercises: z.array(ExerciseRef).max(4),
  prompt: z.string().min(10),
  code: CodeBlock.optional(),
};

export const QuizItem = z
  .discriminatedUnion("type", [
    z.object({ ...common, type: z.enum(["single", "multi"]), options: z.array(ChoiceOption).min(2).max(8) }).strict(),
    z
      .object({
        ...common,
        type: z.literal("compiles"),
        claim: CompileOutcome,
        options: z.array(ChoiceOption).min(2).max(6),
      })
      .strict(),
    z.object({ ...common, type: z.literal("race-line"), options: z.array(ChoiceOption).min(2).max(8) }).strict(),
    /** `lines` are in the correct order; their ids follow the shuffled display order. */
    z.object({ ...common, type: z.literal("order"), lines: z.array(OrderLine).min(3).max(8) }).strict(),
    /** Which outcomes can the program produce? A multi-select whose correct options are the possible ones. */
    z.object({ ...common, type: z.literal("possible"), options: z.array(ChoiceOption).min(3).max(8) }).strict(),
    /**
     * Ordering graded as a partial order: any order that keeps every `edges` pair (before, after)
     * is right. `lines` are in one such order; ids follow the shuffled display order, like "order".
     */
    z
      .object({
        ...common,
        type: z.literal("dag-order"),
        lines: z.array(OrderLine).min(3).max(8),
        edges: z
          .array(z.tuple([z.string().regex(/^l\d$/), z.string().regex(/^l\d$/)]))
          .min(1)
          .max(28),
      })
      .strict(),
    z.object({ ...common, type: z.literal("numeric"), numeric: NumericKey }).strict(),
  ])
  .superRefine((item, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: "custom", message });
    if (item.type === "dag-order") {
      const ids = item.lines.map((l) => l.id);
      if (new Set(item.lines.map((l) => l.text)).size !== item.lines.length) problem("order lines must be distinct");
      if ([...ids].sort().join() !== item.lines.map((_, i) => `l${i}`).join()) problem("order line ids must be l0..ln");
      if (item.edges.some(([a, b]) => !ids.includes(a) || !ids.includes(b) || a === b))
        problem("edges join two different lines");
      if (!respectsAll(ids, item.edges)) problem("the key's order must keep every edge");
      if (respectsAll([...ids].sort(), item.edges)) problem("the shown order must not already be an answer");
      if (closureOf(ids, item.edges).length === (ids.length * (ids.length - 1)) / 2)
        problem("a partial-order item needs two lines in either order (else use an order item)");
      return;
    }
    if (item.type === "order") {
      if (new Set(item.lines.map((l) => l.text)).size !== item.lines.length) problem("order lines must be distinct");
      const ids = item.lines.map((l) => l.id).sort();
      if (ids.join() !== item.lines.map((_, i) => `l${i}`).join()) problem("order line ids must be l0..ln");
      if (item.lines.every((l, i) => l.id === `l${i}`)) problem("the shown order must not already be the answer");
      return;
    }
    if (item.type === "numeric") {
      const { answer, tolerance, misconceptions } = item.numeric;
      for (const m of misconceptions) {
        if (Math.abs(m.value - answer) <= tolerance)
          problem(`misconception ${m.value} lies within the tolerance of ${answer}`);
      }
      return;
    }
    const correct = item.options.filter((o) => o.correct);
    if (new Set(item.options.map((o) => o.text)).size !== item.options.length) problem("option texts must be distinct");
    if (item.options.map((o) => o.id).join("") !== "abcdefgh".slice(0, item.options.length))
      problem("option ids are a, b, c… in order");
    // A single-choice item may mark more than one option right ("either works: here is the
    // trade-off"): picking any one of them earns full credit.
    if (item.type === "single" && correct.length < 1) problem("a single-choice item needs a correct option");
    if (item.type !== "multi" && item.type !== "single" && item.type !== "possible" && correct.length !== 1)
      problem(`exactly one option must be correct, found ${correct.length}`);
    if (item.type === "multi" && correct.length < 1) problem("a multiple-choice item needs a correct option");
    if (item.type === "possible" && (correct.length < 1 || correct.length === item.options.length))
      problem("a possible-outcomes item needs a possible and an impossible option");
    if (item.type === "compiles") {
      if (!item.code || item.code.lang !== "rust") problem("does-it-compile items show a Rust snippet");
      if (item.options.some((o) => o.outcome === undefined)) problem("every compile option names an outcome");
      if (correct[0]?.outcome !== item.claim) problem("the correct option must match the compile claim");
    }
    if (item.type === "race-line") {
      const lineCount = item.code?.source.split("\n").length ?? 0;
      for (const o of item.options) {
        if (o.line === undefined || o.line > lineCount) problem(`option ${o.id} names a line outside the code`);
      }
    }
  });
export type QuizItem = z.infer<typeof QuizItem>;

/** Every (before, after) pair the edges imply, transitively: what a partial-order answer must keep. */
export function closureOf(ids: readonly string[], edges: readonly (readonly [string, string])[]): [string, string][] {
  const after = new Map(ids.map((id) => [id, new Set<string>()]));
  for (const [a, b] of edges) after.get(a)?.add(b);
  const pairs: [string, string][] = [];
  for (const id of ids) {
    const seen = new Set<string>();
    const stack = [...(after.get(id) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(after.get(next) ?? []));
    }
    for (const b of seen) pairs.push([id, b]);
  }
  return pairs;
}

/** Whether `order` keeps every edge (and so every pair of the closure). */
export function respectsAll(order: readonly string[], edges: readonly (readonly [string, string])[]): boolean {
  return edges.every(([a, b]) => order.indexOf(a) < order.indexOf(b));
}
export type ItemType = QuizItem["type"];

export const QuizFile = z
  .object({
    $schema: z.string().optional().describe("path of quiz.schema.json, for editors"),
    id: z.string().regex(kebab).describe("public id of the quiz; must match the file name <id>.quiz.json"),
    title: z.string().min(3).max(80),
    summary: z.string().min(10).max(300),
    position: z.number().int().min(0).describe("order on the quizzes page"),
    items: z
      .array(z.string().regex(kebab))
      .min(3)
      .max(30)
      .describe("item ids (exercises/quizzes/items), in the order they are asked"),
  })
  .strict();
export type QuizFile = z.infer<typeof QuizFile>;

/** The JSON schema editors use for *.quiz.json (committed as exercises/quizzes/quiz.schema.json). */
export function quizJsonSchema(): string {
  const schema = z.toJSONSchema(QuizFile, { io: "input" });
  return `${JSON.stringify({ ...schema, title: "Interleave quiz file" }, null, 2)}\n`;
}
