// How quiz items are written: an item is a pool of 2–4 structurally different variants, each a
// pure function of a seeded Rng that returns the problem with its key computed from the drawn
// parameters. generateItem draws one variant, shuffles options and assigns display ids, then
// validates the result with the QuizItem schema (which also checks the key is self-consistent).
import type { ConceptId } from "./concepts.ts";
import { createRng, type Rng } from "./rng.ts";
import type { Program } from "./schedules.ts";
import { type CodeBlock, type CompileOutcome, QuizItem, respectsAll } from "./schema.ts";

export type OptionInput = {
  text: string;
  correct: boolean;
  explanation: string;
  outcome?: CompileOutcome;
  line?: number;
};
type Base = { prompt: string; code?: CodeBlock };

export type VariantBody =
  | (Base & { type: "single" | "multi" | "race-line"; options: OptionInput[]; fixedOrder?: boolean })
  | (Base & { type: "compiles"; code: CodeBlock; claim: CompileOutcome; options: OptionInput[] })
  | (Base & { type: "order"; lines: { text: string; explanation: string }[] })
  /** `program`: the model the code was rendered from (schedules.ts); exercises check runs it in every schedule. */
  | (Base & { type: "possible"; options: OptionInput[]; program: Program })
  /** `lines` in one allowed order; `edges` as [before, after] indexes into it. */
  | (Base & {
      type: "dag-order";
      lines: { text: string; explanation: string }[];
      edges: [number, number][];
      program: Program;
    })
  | (Base & {
      type: "numeric";
      numeric: {
        answer: number;
        tolerance: number;
        unit: string;
        explanation: string;
        misconceptions: { value: number; explanation: string }[];
      };
    });

export type Variant = { id: string; generate: (rng: Rng) => VariantBody };
export type ItemDefinition = {
  id: string;
  concepts: ConceptId[];
  exercises: QuizItem["exercises"];
  variants: Variant[];
};

export function defineItem(definition: ItemDefinition): ItemDefinition {
  if (definition.variants.length < 2 || definition.variants.length > 4) {
    throw new Error(`item ${definition.id}: a pool has 2–4 variants, found ${definition.variants.length}`);
  }
  return definition;
}

/** The item a seed draws: which variant, its parameters, the shown order of options and lines. */
export function generateItem(definition: ItemDefinition, seed: string): QuizItem {
  return generateWithProgram(definition, seed).item;
}

/** generateItem, plus the program model behind a possible-outcomes or partial-order item. */
export function generateWithProgram(
  definition: ItemDefinition,
  seed: string,
): { item: QuizItem; program: Program | null } {
  const rng = createRng(`${seed}:${definition.id}`);
  const variant = rng.pick(definition.variants);
  const body = variant.generate(rng);
  const program = "program" in body ? body.program : null;
  return { item: itemOf(definition, variant, body, rng), program };
}

function itemOf(definition: ItemDefinition, variant: Variant, body: VariantBody, rng: Rng): QuizItem {
  const common = {
    itemId: definition.id,
    variantId: variant.id,
    concepts: definition.concepts,
    exercises: definition.exercises,
  };
  if (body.type === "dag-order") {
    // A shown order that breaks at least one edge: the student has something to put right.
    const edgesAt = (shown: number[]) => body.edges.map(([a, b]): [string, string] => [`l${shown[a]}`, `l${shown[b]}`]);
    let shown = derange(rng, body.lines.length);
    for (
      let tries = 0;
      respectsAll(
        body.lines.map((_, i) => `l${i}`),
        edgesAt(shown),
      ) && tries < 50;
      tries++
    )
      shown = derange(rng, body.lines.length);
    const lines = body.lines.map((line, i) => ({ id: `l${shown[i]}`, ...line }));
    return QuizItem.parse({
      ...common,
      type: "dag-order",
      prompt: body.prompt,
      code: body.code,
      lines,
      edges: edgesAt(shown),
    });
  }
  if (body.type === "order") {
    const shown = derange(rng, body.lines.length);
    const lines = body.lines.map((line, i) => ({ id: `l${shown[i]}`, ...line }));
    return QuizItem.parse({ ...common, type: "order", prompt: body.prompt, code: body.code, lines });
  }
  if (body.type === "numeric") return QuizItem.parse({ ...common, ...body });
  const ordered = "fixedOrder" in body && body.fixedOrder ? body.options : rng.shuffle(body.options);
  const options = ordered.map((option, i) => ({ id: "abcdefgh"[i], ...option }));
  const {
    fixedOrder: _fixed,
    program: _program,
    ...rest
  } = body as VariantBody & { fixedOrder?: boolean; program?: Program };
  return QuizItem.parse({ ...common, ...rest, options });
}

/** A shuffled display position for each line that never shows the answer as given. */
function derange(rng: Rng, n: number): number[] {
  const positions = rng.shuffle([...Array(n).keys()]);
  if (positions.every((p, i) => p === i)) positions.push(positions.shift() ?? 0);
  return positions;
}

/** Code blocks are written as indented template literals; this strips the common indent. */
export function code(lang: CodeBlock["lang"], source: string): CodeBlock {
  const lines = source.replace(/^\n/, "").replace(/\s+$/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return { lang, source: lines.map((l) => l.slice(indent)).join("\n") };
}
export const rust = (source: string) => code("rust", source);
export const ts = (source: string) => code("typescript", source);

/** A which-line-races option naming the (first) line of `block` that contains `snippet`. */
export function lineOption(block: CodeBlock, snippet: string, correct: boolean, explanation: string): OptionInput {
  const index = block.source.split("\n").findIndex((l) => l.includes(snippet));
  if (index < 0) throw new Error(`no line contains ${snippet}`);
  const text = block.source.split("\n")[index]?.trim() ?? snippet;
  return { text: `Line ${index + 1}: ${text}`, correct, explanation, line: index + 1 };
}

/** Options for does-it-compile: the claim's option is the correct one. */
export function compileOptions(
  claim: CompileOutcome,
  choices: Record<string, { text: string; explanation: string }>,
): OptionInput[] {
  if (!(claim in choices)) throw new Error(`no option for the claim ${claim}`);
  return Object.entries(choices).map(([outcome, c]) => ({ ...c, outcome, correct: outcome === claim }));
}

export const opt = (text: string, correct: boolean, explanation: string): OptionInput => ({
  text,
  correct,
  explanation,
});

export const TASK_NAMES = [
  "fetch_user",
  "load_cart",
  "read_config",
  "ping_cache",
  "get_prices",
  "sync_inbox",
  "query_stock",
  "send_audit",
];
export const JS_NAMES = ["fetchUser", "loadCart", "readConfig", "pingCache", "getPrices", "syncInbox"];
