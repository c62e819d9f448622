// Items about what *can* happen: nondeterminism is the point of them. Each variant describes its
// program as data (schedules.ts); the code shown, the key (every outcome some schedule gives)
// and the happens-before arrows are all computed from that description, and `exercises check`
// runs the program once in every schedule to prove the model right.
import { defineItem, type OptionInput, rust } from "../define.ts";
import type { Rng } from "../rng.ts";
import {
  enumerate,
  happensBefore,
  type Outcome,
  possibleOutputs,
  type Program,
  renderRust,
  type Step,
} from "../schedules.ts";

const load = (shared: string, reg: string): Step => ({ op: "load", shared, reg });
const store = (shared: string, reg: string, plus: number): Step => ({ op: "store", shared, reg, plus });
const add = (shared: string, k: number): Step => ({ op: "add", shared, k });
const print = (text: string): Step => ({ op: "print", text });
const lock = (mutex: string): Step => ({ op: "lock", mutex });
const unlock = (mutex: string): Step => ({ op: "unlock", mutex });

/** What a schedule did, step by step, in words ("a loads 0; b loads 0; a stores 3; …"). */
function story(program: Program, schedule: readonly number[]): string {
  const pcs = program.threads.map(() => 0);
  const shared = new Map(Object.entries(program.shared));
  const regs = program.threads.map(() => new Map<string, number>());
  const parts: string[] = [];
  for (const t of schedule) {
    const th = program.threads[t]!;
    const step = th.steps[pcs[t]!]!;
    pcs[t]! += 1;
    const r = regs[t]!;
    if (step.op === "load") {
      r.set(step.reg, shared.get(step.shared) ?? 0);
      parts.push(`${th.name} reads ${shared.get(step.shared)}`);
    } else if (step.op === "store") {
      const v = (step.reg === undefined ? 0 : (r.get(step.reg) ?? 0)) + step.plus;
      shared.set(step.shared, v);
      parts.push(`${th.name} writes ${v}`);
    } else if (step.op === "add") {
      shared.set(step.shared, (shared.get(step.shared) ?? 0) + step.k);
      parts.push(`${th.name} adds ${step.k} (now ${shared.get(step.shared)})`);
    } else if (step.op === "print") {
      parts.push(`${th.name} prints "${step.text}"`);
    }
  }
  return parts.join("; ");
}

/** The final value main prints ("x = 5" → 5). */
const finalOf = (o: Outcome) => Number(o.lines.at(-1)?.split(" = ")[1]);

/** Options for "which final values are possible": the possible ones with a schedule that gives them, tempting impossible ones with why not. */
function valueOptions(rng: Rng, program: Program, impossible: { value: number; why: string }[]): OptionInput[] {
  const outcomes = enumerate(program);
  const seen = new Map<number, Outcome>();
  for (const o of outcomes) if (!seen.has(finalOf(o))) seen.set(finalOf(o), o);
  const possible = [...seen.entries()].map(([value, o]): OptionInput => ({
    text: `x = ${value}`,
    correct: true,
    explanation: `Possible: ${story(program, o.schedule)}.`,
  }));
  const wrong = impossible
    .filter((i) => !seen.has(i.value))
    .map((i): OptionInput => ({ text: `x = ${i.value}`, correct: false, explanation: i.why }));
  const unique = new Map([...possible, ...wrong].map((o) => [o.text, o]));
  return rng.shuffle([...unique.values()]).slice(0, 8);
}

const PROMPT_VALUE =
  "Two or more threads update `x`, then `main` prints it. Across all the ways the threads' steps can interleave, which lines can this program print? Select every one that some run can produce.";

export const possibleFinalValue = defineItem({
  id: "possible-final-value",
  concepts: ["data-races", "atomics"],
  exercises: ["rust/shared-counter", "ts/shared-counter"],
  variants: [
    {
      id: "split-read-write",
      generate(rng) {
        const [p, q] = rng.shuffle([2, 3, 5, 7]).slice(0, 2) as [number, number];
        const program: Program = {
          shared: { x: 0 },
          threads: [
            { name: "a", steps: [load("x", "v"), store("x", "v", p)] },
            { name: "b", steps: [load("x", "v"), store("x", "v", q)] },
          ],
          after: ["x"],
        };
        const options = valueOptions(rng, program, [
          {
            value: 0,
            why: "Impossible: both threads write after they read, and every write adds to what was read, so x never ends at 0.",
          },
          {
            value: p + q + 1,
            why: `Impossible: the only numbers ever written are ${p}, ${q} and ${p + q}; nothing adds an extra 1.`,
          },
          { value: p * q, why: "Impossible: nothing multiplies; each thread writes what it read plus its own amount." },
        ]);
        return {
          type: "possible",
          prompt: `${PROMPT_VALUE} Each thread's load and store are atomic on their own, but nothing makes the pair one step.`,
          code: rust(renderRust(program)),
          options,
          program,
        };
      },
    },
    {
      id: "atomic-and-split",
      generate(rng) {
        const [p, q] = rng.shuffle([2, 3, 4, 5]).slice(0, 2) as [number, number];
        const program: Program = {
          shared: { x: 0 },
          threads: [
            { name: "a", steps: [add("x", p)] },
            { name: "b", steps: [load("x", "v"), store("x", "v", q)] },
          ],
          after: ["x"],
        };
        const options = valueOptions(rng, program, [
          {
            value: p,
            why: `Impossible, though tempting: it would need b's write to vanish. b always writes after it reads, so its ${q} is in every result; only a's add can be lost.`,
          },
          { value: 0, why: "Impossible: both threads add something and b's write is never undone." },
          { value: p + q + p, why: "Impossible: a adds once." },
        ]);
        return {
          type: "possible",
          prompt: `${PROMPT_VALUE} Thread a uses one atomic fetch_add; thread b reads and then writes.`,
          code: rust(renderRust(program)),
          options,
          program,
        };
      },
    },
    {
      id: "both-locked",
      generate(rng) {
        const [p, q] = rng.shuffle([2, 3, 4, 6]).slice(0, 2) as [number, number];
        const locked = (plus: number): Step[] => [lock("m"), load("x", "v"), store("x", "v", plus), unlock("m")];
        const program: Program = {
          shared: { x: 0 },
          threads: [
            { name: "a", steps: locked(p) },
            { name: "b", steps: locked(q) },
          ],
          after: ["x"],
        };
        const options = valueOptions(rng, program, [
          {
            value: p,
            why: "Impossible: the lock makes each read-then-write one step for the other thread, so neither write can be overwritten by a stale one.",
          },
          {
            value: q,
            why: "Impossible: with both updates under the same lock, the second one always reads the first one's result.",
          },
          { value: 0, why: "Impossible: both threads add and nothing undoes it." },
        ]);
        return {
          type: "possible",
          prompt: `${PROMPT_VALUE} Both threads take the same Mutex around their read and write.`,
          code: rust(renderRust(program)),
          options,
          program,
        };
      },
    },
    {
      id: "three-increments",
      generate(rng) {
        const names = ["a", "b", "c"];
        const program: Program = {
          shared: { x: 0 },
          threads: names.map((name) => ({ name, steps: [load("x", "v"), store("x", "v", 1)] })),
          after: ["x"],
        };
        const options = valueOptions(rng, program, [
          { value: 0, why: "Impossible: every thread writes at least 0 + 1." },
          { value: 4, why: "Impossible: three threads add 1 each; lost updates make the total smaller, never larger." },
        ]);
        return {
          type: "possible",
          prompt: `${PROMPT_VALUE} Three threads each add 1 by reading and then writing.`,
          code: rust(renderRust(program)),
          options,
          program,
        };
      },
    },
  ],
});

/** Output sequences shown as one line: "start, a1, b1, …". */
const joined = (lines: readonly string[]) => lines.join(", ");

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]),
  );
}

/** 2–3 possible and 2–3 impossible full outputs, the impossible ones the most tempting: closest to a possible one. */
function outputOptions(rng: Rng, program: Program, whyImpossible: (lines: string[]) => string): OptionInput[] {
  const outcomes = enumerate(program);
  const possible = possibleOutputs(outcomes);
  const key = new Set(possible.map(joined));
  const before = program.before ?? [];
  const middle = possible[0]!.slice(before.length);
  const impossible = permutations(middle)
    .map((m) => [...before, ...m])
    .filter((lines) => !key.has(joined(lines)));
  const pickedPossible = rng.sample(possible, Math.min(possible.length, rng.int(2, 3)));
  // The tempting impossible outputs first: those that keep every thread's own order.
  const want = 5 - pickedPossible.length;
  const tempting = rng.sample(
    impossible.filter((lines) => brokenThreadOrder(program, lines) === null),
    want,
  );
  const pickedImpossible = [
    ...tempting,
    ...rng.sample(
      impossible.filter((lines) => brokenThreadOrder(program, lines) !== null),
      want - tempting.length,
    ),
  ];
  const scheduleOf = (lines: string[]) => outcomes.find((o) => joined(o.lines) === joined(lines))!.schedule;
  return rng.shuffle([
    ...pickedPossible.map((lines): OptionInput => ({
      text: joined(lines),
      correct: true,
      explanation: `Possible: ${story(program, scheduleOf(lines))}.`,
    })),
    ...pickedImpossible.map((lines): OptionInput => ({
      text: joined(lines),
      correct: false,
      explanation: whyImpossible(lines),
    })),
  ]);
}

/** Why an output breaks a thread's own order: the first line printed before an earlier line of its thread. */
function brokenThreadOrder(program: Program, lines: string[]): string | null {
  for (const th of program.threads) {
    const own = th.steps.flatMap((s) => (s.op === "print" ? [s.text] : []));
    for (let i = 1; i < own.length; i++) {
      if (lines.indexOf(own[i]!) < lines.indexOf(own[i - 1]!))
        return `Impossible: it shows "${own[i]}" before "${own[i - 1]}", but thread ${th.name} prints "${own[i - 1]}" first, and a thread's own steps never swap.`;
    }
  }
  return null;
}

export const possibleOutputsItem = defineItem({
  id: "possible-outputs",
  concepts: ["threads-joinhandle", "mutex-refcell"],
  exercises: ["rust/threads-join", "rust/shared-counter"],
  variants: [
    {
      id: "two-printers",
      generate(rng) {
        const program: Program = {
          shared: {},
          threads: [
            { name: "a", steps: [print("a1"), print("a2")] },
            { name: "b", steps: [print("b1"), print("b2")] },
          ],
          before: ["start"],
        };
        const options = outputOptions(rng, program, (lines) => brokenThreadOrder(program, lines) ?? "Impossible.");
        return {
          type: "possible",
          prompt:
            "Two threads print two lines each. Which of these complete outputs can a run of this program print? Select every one that is possible.",
          code: rust(renderRust(program)),
          options,
          program,
        };
      },
    },
    {
      id: "printers-under-lock",
      generate(rng) {
        const program: Program = {
          shared: {},
          threads: [
            { name: "a", steps: [lock("m"), print("a1"), print("a2"), unlock("m")] },
            { name: "b", steps: [lock("m"), print("b1"), print("b2"), unlock("m")] },
          ],
          before: ["start"],
        };
        const options = outputOptions(
          rng,
          program,
          (lines) =>
            brokenThreadOrder(program, lines) ??
            "Impossible: each thread prints both its lines while it holds the lock, so the other thread's lines cannot come between them.",
        );
        return {
          type: "possible",
          prompt:
            "Two threads each print two lines while holding the same Mutex. Which of these complete outputs can a run print? Select every one that is possible.",
          code: rust(renderRust(program)),
          options,
          program,
        };
      },
    },
    {
      id: "three-printers",
      generate(rng) {
        const program: Program = {
          shared: {},
          threads: [
            { name: "a", steps: [print("a1"), print("a2")] },
            { name: "b", steps: [print("b1")] },
            { name: "c", steps: [print("c1")] },
          ],
        };
        const options = outputOptions(rng, program, (lines) => brokenThreadOrder(program, lines) ?? "Impossible.");
        return {
          type: "possible",
          prompt:
            "Three threads print four lines in all. Which of these outputs can a run print? Select every one that is possible (threads are spawned in the order a, b, c, but that does not decide who runs first).",
          code: rust(renderRust(program)),
          options,
          program,
        };
      },
    },
  ],
});

/** Why line `b` cannot come before `a`: the program's reason for the arrow a → b. */
function arrowReason(program: Program, a: string, b: string): string {
  const before = program.before ?? [];
  if (before.includes(a)) return `main prints "${a}" before it spawns the threads`;
  const threadOf = (text: string) =>
    program.threads.find((th) =>
      th.steps.some((s) => (s.op === "print" && s.text === text) || (s.op === "recv" && text.startsWith("got "))),
    );
  const ta = threadOf(a);
  const tb = threadOf(b);
  if (ta && ta === tb) return `thread ${ta.name} prints "${a}" before "${b}"`;
  if (b.startsWith("got ")) return `"${b}" prints a message that is only sent after "${a}"`;
  return `"${a}" must happen first`;
}

function lineExplanations(
  program: Program,
  lines: string[],
  edges: [string, string][],
): { text: string; explanation: string }[] {
  return lines.map((text) => {
    const after = edges.filter(([, b]) => b === text).map(([a]) => arrowReason(program, a, text));
    const before = edges.filter(([a]) => a === text).map(([, b]) => `before "${b}"`);
    const parts = [
      ...(after.length > 0 ? [`After: ${after.join("; ")}.`] : []),
      ...(before.length > 0 ? [`It comes ${before.join(" and ")}.`] : []),
    ];
    return {
      text,
      explanation:
        parts.length > 0 ? parts.join(" ") : "Nothing orders this line against the others: it can come anywhere.",
    };
  });
}

function dagBody(program: Program, prompt: string) {
  const outcomes = enumerate(program);
  const { lines, edges } = happensBefore(outcomes);
  const index = (text: string) => lines.indexOf(text);
  return {
    type: "dag-order" as const,
    prompt,
    code: rust(renderRust(program)),
    lines: lineExplanations(program, lines, edges),
    edges: edges.map(([a, b]): [number, number] => [index(a), index(b)]),
    program,
  };
}

const PROMPT_ORDER =
  "Put the lines in an order this program can print. More than one order is right: any order some run can produce earns full credit.";

export const happensBeforeOrder = defineItem({
  id: "happens-before-order",
  concepts: ["threads-joinhandle", "channels"],
  exercises: ["rust/threads-join", "rust/message-passing"],
  variants: [
    {
      id: "two-threads",
      generate(rng) {
        const [x, y] = rng.pick([
          ["load", "save"],
          ["fetch", "parse"],
          ["open", "read"],
        ]) as [string, string];
        const program: Program = {
          shared: {},
          threads: [
            { name: "a", steps: [print(`a: ${x}`), print(`a: ${y}`)] },
            { name: "b", steps: [print(`b: ${x}`), print(`b: ${y}`)] },
          ],
          before: ["main: spawning"],
        };
        return dagBody(program, PROMPT_ORDER);
      },
    },
    {
      id: "message",
      generate(rng) {
        const value = rng.int(2, 9);
        const program: Program = {
          shared: {},
          threads: [
            { name: "producer", steps: [print("producer: computing"), { op: "send", value }, print("producer: sent")] },
            { name: "consumer", steps: [print("consumer: waiting"), { op: "recv", reg: "v" }] },
          ],
          before: ["main: start"],
        };
        return dagBody(program, `${PROMPT_ORDER} The consumer's recv() waits until a message is there.`);
      },
    },
    {
      id: "three-threads",
      generate(rng) {
        const names = rng.shuffle(["red", "green", "blue"]);
        const program: Program = {
          shared: {},
          threads: names.map((name, i) => ({
            name: name!,
            steps: i === 0 ? [print(`${name} 1`), print(`${name} 2`)] : [print(`${name} 1`)],
          })),
          before: ["start"],
        };
        return dagBody(program, PROMPT_ORDER);
      },
    },
  ],
});
