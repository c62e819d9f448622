// Variant generation: every generator over many seeds yields valid, self-consistent items whose
// key scores full marks, and the keys really follow the drawn parameters.
import { describe, expect, it } from "vitest";
import { CONCEPT_IDS } from "./concepts.ts";
import { checkItem, checkQuizzes } from "./check-quizzes.ts";
import { generateItem, type ItemDefinition, rust } from "./define.ts";
import { ITEM_DEFINITIONS } from "./items/index.ts";
import { toPublicItem } from "./public-item.ts";
import { type Program, renderRust } from "./schedules.ts";
import type { QuizItem } from "./schema.ts";
import { keyAnswer, scoreItem } from "./score.ts";

const definition = (id: string): ItemDefinition => {
  const found = ITEM_DEFINITIONS.get(id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

/** The first item of `variantId` over seeds s0, s1, … */
function drawVariant(id: string, variantId: string): { item: QuizItem; seed: string } {
  for (let s = 0; s < 500; s += 1) {
    const item = generateItem(definition(id), `s${s}`);
    if (item.variantId === variantId) return { item, seed: `s${s}` };
  }
  throw new Error(`variant ${variantId} never drawn`);
}

const numbersIn = (text: string) => [...text.matchAll(/from_millis\((\d+)\)/g)].map((m) => Number(m[1]));

describe("item generators", () => {
  it.each([...ITEM_DEFINITIONS.keys()])(
    "%s: 200 seeds give valid, deterministic, self-consistent items reaching every variant",
    (id) => {
      expect(checkItem(definition(id), 200)).toBeNull();
    },
  );

  it("covers every concept and every item type, with 2–4 variants per item", () => {
    const items = [...ITEM_DEFINITIONS.values()];
    expect(items.length).toBeGreaterThanOrEqual(40);
    expect(new Set(items.flatMap((d) => d.concepts))).toEqual(new Set(CONCEPT_IDS));
    const types = new Set(items.flatMap((d) => Array.from({ length: 60 }, (_, s) => generateItem(d, `t${s}`).type)));
    expect(types).toEqual(
      new Set(["single", "multi", "order", "numeric", "compiles", "race-line", "possible", "dag-order"]),
    );
    for (const d of items) expect(d.variants.length).toBeGreaterThanOrEqual(2);
  });

  it("computes the join! total as the longest sleep and sequential awaits as the sum", () => {
    for (let s = 0; s < 30; s += 1) {
      const item = generateItem(definition("join-duration"), `d${s}`);
      if (item.type !== "numeric" || !item.code) throw new Error("expected a numeric item with code");
      const sleeps = numbersIn(item.code.source);
      if (item.variantId === "join-three") expect(item.numeric.answer).toBe(Math.max(...sleeps));
      if (item.variantId === "await-in-turn") expect(item.numeric.answer).toBe(sleeps.reduce((a, b) => a + b, 0));
      if (item.variantId === "nested")
        expect(item.numeric.answer).toBe(Math.max((sleeps[0] ?? 0) + (sleeps[1] ?? 0), sleeps[2] ?? 0));
    }
  });

  it("orders join! output: starts in call order, ends by sleep duration", () => {
    const { item } = drawVariant("join-output-order", "tokio-join");
    if (item.type !== "order" || !item.code) throw new Error("expected an order item");
    const call = /step\("(\w)", (\d+)\)/g;
    const waits = [...item.code.source.matchAll(call)].map((m) => ({ name: m[1], ms: Number(m[2]) }));
    const ends = [...waits].sort((a, b) => a.ms - b.ms).map((w) => `${w.name} end`);
    expect(item.lines.map((l) => l.text)).toEqual(["A start", "B start", "C start", ...ends]);
  });

  it("computes the Mutex counter as threads × increments", () => {
    const { item } = drawVariant("counter-result", "mutex");
    if (item.type !== "numeric" || !item.code) throw new Error("expected a numeric item");
    const threads = Number(/\(0\.\.(\d+)\)\.map/.exec(item.code.source)?.[1]);
    const each = Number(/for _ in 0\.\.(\d+)/.exec(item.code.source)?.[1]);
    expect(item.numeric.answer).toBe(threads * each);
  });

  it("marks as Send exactly the types whose facts say so", () => {
    const { item } = drawVariant("send-sync-which", "which-send");
    if (item.type !== "multi") throw new Error("expected multi");
    const notSend = ["Rc<u32>", "MutexGuard<'_, i32>", "Arc<RefCell<i32>>"];
    for (const option of item.options) expect(option.correct).toBe(!notSend.includes(option.text));
  });

  it("varies structure, not only numbers: different seeds draw different variants", () => {
    const variants = new Set(
      Array.from({ length: 40 }, (_, s) => generateItem(definition("join-output-order"), `v${s}`).variantId),
    );
    expect(variants.size).toBe(3);
  });

  it("keeps the key out of the public view", () => {
    for (const d of ITEM_DEFINITIONS.values()) {
      const item = generateItem(d, "public");
      const shown = JSON.stringify(toPublicItem(item));
      expect(shown).not.toMatch(/"correct"|"explanation"|"answer"|"claim"|"misconceptions"|"variantId"/);
      if (item.type === "order") {
        const publicLines = toPublicItem(item).lines?.map((l) => l.id);
        expect(publicLines).not.toEqual(item.lines.map((l) => l.id));
      }
      expect(scoreItem(item, keyAnswer(item)).correct).toBe(true);
    }
  });

  it("the quiz self-checks pass", () => {
    const lines: string[] = [];
    const summary = checkQuizzes({ seeds: 20, log: (l) => lines.push(l) });
    expect(lines.filter((l) => l.startsWith("FAIL"))).toEqual([]);
    expect(summary.passed).toBeGreaterThanOrEqual(44);
  });
});

describe("items built on a program model: the checker fails a wrong key (it can fail)", () => {
  const program: Program = {
    shared: { x: 0 },
    threads: [
      {
        name: "a",
        steps: [
          { op: "load", shared: "x", reg: "v" },
          { op: "store", shared: "x", reg: "v", plus: 1 },
        ],
      },
      { name: "b", steps: [{ op: "add", shared: "x", k: 2 }] },
    ],
    after: ["x"],
  };
  const printers: Program = {
    shared: {},
    threads: [
      {
        name: "a",
        steps: [
          { op: "print", text: "a1" },
          { op: "print", text: "a2" },
        ],
      },
      { name: "b", steps: [{ op: "print", text: "b1" }] },
    ],
    before: ["start"],
  };
  const possibleWith = (marks: Record<string, boolean>): ItemDefinition => ({
    id: "demo-possible",
    concepts: ["data-races"],
    exercises: [],
    variants: ["v1", "v2"].map((id) => ({
      id,
      generate: () => ({
        type: "possible" as const,
        prompt: "Which values can it print?",
        code: rust(renderRust(program)),
        options: Object.entries(marks).map(([text, correct]) => ({
          text,
          correct,
          explanation: "because the schedules say so",
        })),
        program,
      }),
    })),
  });
  const dagWith = (edges: [number, number][]): ItemDefinition => ({
    id: "demo-dag",
    concepts: ["threads-joinhandle"],
    exercises: [],
    variants: ["v1", "v2"].map((id) => ({
      id,
      generate: () => ({
        type: "dag-order" as const,
        prompt: "Put the lines in an order it can print.",
        code: rust(renderRust(printers)),
        lines: ["start", "a1", "a2", "b1"].map((text) => ({ text, explanation: "because of the arrows" })),
        edges,
        program: printers,
      }),
    })),
  });

  it("accepts the keys the model gives", () => {
    // a's read-then-write can lose b's add (x = 1) or not (x = 3); 2 needs a's write to vanish.
    expect(checkItem(possibleWith({ "x = 1": true, "x = 3": true, "x = 2": false, "x = 0": false }), 20)).toBeNull();
    expect(
      checkItem(
        dagWith([
          [0, 1],
          [1, 2],
          [0, 3],
        ]),
        20,
      ),
    ).toBeNull();
  });

  it("fails an impossible outcome marked possible, a possible one marked impossible, and wrong arrows", () => {
    expect(checkItem(possibleWith({ "x = 1": true, "x = 3": true, "x = 2": true, "x = 0": false }), 20)).toMatch(
      /"x = 2" is marked possible/,
    );
    expect(checkItem(possibleWith({ "x = 1": false, "x = 3": true, "x = 2": false, "x = 0": false }), 20)).toMatch(
      /"x = 1" is marked impossible/,
    );
    expect(
      checkItem(
        dagWith([
          [0, 1],
          [1, 2],
          [0, 3],
          [1, 3],
        ]),
        20,
      ),
    ).toMatch(/not the program's happens-before arrows/);
  });

  it("fails a shown program that is not the one the key was computed from", () => {
    const other = possibleWith({ "x = 1": true, "x = 3": true, "x = 0": false });
    const drifted: ItemDefinition = {
      ...other,
      variants: other.variants.map((v) => ({
        ...v,
        generate: (rng) => ({
          ...v.generate(rng),
          code: rust(renderRust(program).replace("fetch_add(2", "fetch_add(3")),
        }),
      })),
    };
    expect(checkItem(drifted, 20)).toMatch(/not the program its key was computed from/);
  });
});
