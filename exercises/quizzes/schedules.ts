// Small threaded programs as data, for the items about what *can* happen. One description gives
// three things, so none of them is written by hand:
// - every schedule the program allows and what each prints (enumerate): the keys of
//   "which outcomes are possible?" items and the happens-before graph of partial-order items;
// - the Rust program the student reads (renderRust), std only;
// - a Rust program that runs the same steps in every enumerated schedule, forced one step at a
//   time by a turn counter (renderForced), so `exercises check` proves by running that each
//   schedule really prints what the model says (verify-run-claims.ts).
// Each step is one indivisible action: an atomic load or store, an atomic add, a lock or an
// unlock, a channel send or receive, one println!. Main prints `before`, spawns every thread,
// joins them in order, then prints `after` (shared values read once the threads are done).

export type Step =
  | { op: "print"; text: string }
  /** let <reg> = <shared>.load(SeqCst); */
  | { op: "load"; shared: string; reg: string }
  /** <shared>.store(<reg> + plus, SeqCst);  (reg omitted: store `plus` itself) */
  | { op: "store"; shared: string; reg?: string; plus: number }
  /** <shared>.fetch_add(k, SeqCst); */
  | { op: "add"; shared: string; k: number }
  | { op: "lock"; mutex: string }
  | { op: "unlock"; mutex: string }
  | { op: "send"; value: number }
  /** let <reg> = rx.recv().unwrap(); println!("got {reg}"); — one step: it runs only when a message waits. */
  | { op: "recv"; reg: string };

export type Program = {
  /** Shared atomics and their start values (AtomicI32). */
  shared: Record<string, number>;
  threads: { name: string; steps: Step[] }[];
  before?: string[];
  /** Lines main prints after joining: `${name} = ${value}` for each named shared value. */
  after?: string[];
};

export type Outcome = { lines: string[]; schedule: number[] };

type State = {
  pcs: number[];
  shared: Map<string, number>;
  regs: Map<string, number>[];
  held: Map<string, number>;
  queue: number[];
  out: string[];
};

/** Whether thread t's next step can run now (a lock held by another, or nothing to receive, blocks it). */
function enabled(program: Program, s: State, t: number): boolean {
  const step = program.threads[t]?.steps[s.pcs[t] ?? 0];
  if (!step) return false;
  if (step.op === "lock") return !s.held.has(step.mutex);
  if (step.op === "recv") return s.queue.length > 0;
  return true;
}

function run(program: Program, s: State, t: number): State {
  const step = program.threads[t]!.steps[s.pcs[t]!]!;
  const next: State = {
    pcs: [...s.pcs],
    shared: new Map(s.shared),
    regs: s.regs.map((r) => new Map(r)),
    held: new Map(s.held),
    queue: [...s.queue],
    out: [...s.out],
  };
  next.pcs[t]! += 1;
  const regs = next.regs[t]!;
  switch (step.op) {
    case "print":
      next.out.push(step.text);
      break;
    case "load":
      regs.set(step.reg, next.shared.get(step.shared) ?? 0);
      break;
    case "store":
      next.shared.set(step.shared, (step.reg === undefined ? 0 : (regs.get(step.reg) ?? 0)) + step.plus);
      break;
    case "add":
      next.shared.set(step.shared, (next.shared.get(step.shared) ?? 0) + step.k);
      break;
    case "lock":
      next.held.set(step.mutex, t);
      break;
    case "unlock":
      next.held.delete(step.mutex);
      break;
    case "send":
      next.queue.push(step.value);
      break;
    case "recv": {
      const value = next.queue.shift()!;
      regs.set(step.reg, value);
      next.out.push(`got ${value}`);
      break;
    }
  }
  return next;
}

function finish(program: Program, s: State): string[] {
  const after = (program.after ?? []).map((name) => `${name} = ${s.shared.get(name) ?? 0}`);
  return [...(program.before ?? []), ...s.out, ...after];
}

/**
 * Every complete schedule (a thread index per step) and what it prints, in a fixed order. Throws
 * on a schedule that cannot finish (a deadlock), or past `limit` schedules: the programs here are
 * meant to be small enough to reason about by hand.
 */
export function enumerate(program: Program, limit = 2000): Outcome[] {
  checkProgram(program);
  const outcomes: Outcome[] = [];
  const start: State = {
    pcs: program.threads.map(() => 0),
    shared: new Map(Object.entries(program.shared)),
    regs: program.threads.map(() => new Map()),
    held: new Map(),
    queue: [],
    out: [],
  };
  const walk = (s: State, schedule: number[]) => {
    const ready = program.threads.map((_, t) => t).filter((t) => enabled(program, s, t));
    if (ready.length === 0) {
      const stuck = program.threads.findIndex((th, t) => (s.pcs[t] ?? 0) < th.steps.length);
      if (stuck >= 0)
        throw new Error(`schedule ${schedule.join(",")} deadlocks: ${program.threads[stuck]!.name} cannot go on`);
      outcomes.push({ lines: finish(program, s), schedule });
      return;
    }
    for (const t of ready) {
      if (outcomes.length >= limit) throw new Error(`more than ${limit} schedules: make the program smaller`);
      walk(run(program, s, t), [...schedule, t]);
    }
  };
  walk(start, []);
  return outcomes;
}

/** Distinct outcomes (printed lines joined by newlines), in first-seen order. */
export function possibleOutputs(outcomes: readonly Outcome[]): string[][] {
  const seen = new Map<string, string[]>();
  for (const o of outcomes) if (!seen.has(o.lines.join("\n"))) seen.set(o.lines.join("\n"), o.lines);
  return [...seen.values()];
}

/**
 * Happens-before among printed lines (which must be distinct): a → b when a is printed before b
 * in every schedule. Returned as the transitive reduction (the arrows worth drawing).
 */
export function happensBefore(outcomes: readonly Outcome[]): { lines: string[]; edges: [string, string][] } {
  const first = outcomes[0]?.lines ?? [];
  if (new Set(first).size !== first.length) throw new Error("partial-order items need distinct lines");
  const always = (a: string, b: string) => outcomes.every((o) => o.lines.indexOf(a) < o.lines.indexOf(b));
  const closure: [string, string][] = [];
  for (const a of first) for (const b of first) if (a !== b && always(a, b)) closure.push([a, b]);
  const has = (a: string, b: string) => closure.some(([x, y]) => x === a && y === b);
  const edges = closure.filter(([a, b]) => !first.some((c) => c !== a && c !== b && has(a, c) && has(c, b)));
  return { lines: first, edges };
}

function checkProgram(program: Program): void {
  for (const th of program.threads) {
    const held = new Set<string>();
    for (const step of th.steps) {
      if (step.op === "lock") held.add(step.mutex);
      if (step.op === "unlock" && !held.delete(step.mutex))
        throw new Error(`${th.name} unlocks ${step.mutex} it does not hold`);
      if ((step.op === "load" || step.op === "store" || step.op === "add") && !(step.shared in program.shared))
        throw new Error(`unknown shared value ${step.shared}`);
    }
    if (held.size > 0) throw new Error(`${th.name} ends holding ${[...held].join(", ")}`);
  }
  if (!/^[a-z]\w*$/.test(Object.keys(program.shared).join("_") || "x"))
    throw new Error("shared names must be Rust identifiers");
}

// ---- Rust ----------------------------------------------------------------------------------

const uses = (program: Program, t: number) => {
  const steps = program.threads[t]!.steps;
  return {
    shared: [...new Set(steps.flatMap((s) => ("shared" in s ? [s.shared] : [])))],
    mutexes: [...new Set(steps.flatMap((s) => (s.op === "lock" ? [s.mutex] : [])))],
    sends: steps.some((s) => s.op === "send"),
    recvs: steps.some((s) => s.op === "recv"),
  };
};

function stepLine(step: Step, say: (text: string) => string): string {
  switch (step.op) {
    case "print":
      return say(JSON.stringify(step.text));
    case "load":
      return `let ${step.reg} = ${step.shared}.load(SeqCst);`;
    case "store":
      return `${step.shared}.store(${step.reg === undefined ? step.plus : step.plus === 0 ? step.reg : `${step.reg} + ${step.plus}`}, SeqCst);`;
    case "add":
      return `${step.shared}.fetch_add(${step.k}, SeqCst);`;
    case "lock":
      return `let ${step.mutex}_guard = ${step.mutex}.lock().unwrap();`;
    case "unlock":
      return `drop(${step.mutex}_guard);`;
    case "send":
      return `tx.send(${step.value}).unwrap();`;
    case "recv":
      return `let ${step.reg} = rx.recv().unwrap();\n${say(`"got {}", ${step.reg}`)}`;
  }
}

function imports(program: Program, forced: boolean): string[] {
  const all = program.threads.map((_, t) => uses(program, t));
  const atomics = Object.keys(program.shared).length > 0;
  const mutex = all.some((u) => u.mutexes.length > 0) || forced;
  const sync = [
    ...(atomics || mutex ? ["Arc"] : []),
    ...(mutex ? ["Mutex"] : []),
    ...(all.some((u) => u.sends) ? ["mpsc"] : []),
  ];
  return [
    ...(atomics || forced
      ? [
          `use std::sync::atomic::{${[...(atomics ? ["AtomicI32"] : []), ...(forced ? ["AtomicUsize"] : [])].join(", ")}, Ordering::SeqCst};`,
        ]
      : []),
    ...(sync.length === 0
      ? []
      : [sync.length === 1 ? `use std::sync::${sync[0]};` : `use std::sync::{${sync.join(", ")}};`]),
    "use std::thread;",
  ];
}

function body(
  program: Program,
  options: { say: (text: string) => string; gate?: (t: number, k: number) => string; indent: string },
): string[] {
  const { say, gate, indent } = options;
  const out: string[] = [];
  const mutexes = [...new Set(program.threads.flatMap((_, t) => uses(program, t).mutexes))];
  for (const [name, value] of Object.entries(program.shared))
    out.push(`let ${name} = Arc::new(AtomicI32::new(${value}));`);
  for (const m of mutexes) out.push(`let ${m} = Arc::new(Mutex::new(()));`);
  if (program.threads.some((_, t) => uses(program, t).sends)) out.push("let (tx, rx) = mpsc::channel::<i32>();");
  for (const line of program.before ?? []) out.push(say(JSON.stringify(line)));
  let rxMoved = false;
  program.threads.forEach((th, t) => {
    const u = uses(program, t);
    const clones = [...u.shared, ...u.mutexes].map((n) => `let ${n} = Arc::clone(&${n});`);
    if (u.sends) clones.push("let tx = tx.clone();");
    if (u.recvs) {
      if (rxMoved) throw new Error("one receiving thread at most");
      rxMoved = true;
    }
    const extra = gate ? ["let turn = Arc::clone(&turn);", "let out = Arc::clone(&out);"] : [];
    const steps = th.steps.flatMap((s, k) => [
      ...(gate ? [gate(t, k)] : []),
      ...stepLine(s, say).split("\n"),
      ...(gate ? ["turn.fetch_add(1, SeqCst);"] : []),
    ]);
    const captures = [...clones, ...extra];
    if (captures.length === 0) {
      // Nothing to hand over (or only the receiver, which moves in): a plain spawn.
      out.push(`let ${th.name} = thread::spawn(${u.recvs ? "move " : ""}|| {`, ...steps.map((l) => `    ${l}`), "});");
      return;
    }
    out.push(
      `let ${th.name} = {`,
      ...captures.map((l) => `    ${l}`),
      "    thread::spawn(move || {",
      ...steps.map((l) => `        ${l}`),
      "    })",
      "};",
    );
  });
  if (program.threads.some((_, t) => uses(program, t).sends)) out.push("drop(tx);");
  for (const th of program.threads) out.push(`${th.name}.join().unwrap();`);
  for (const name of program.after ?? []) out.push(say(`"${name} = {}", ${name}.load(SeqCst)`));
  return out.map((l) => `${indent}${l}`);
}

/** The program as the student reads it. */
export function renderRust(program: Program): string {
  const lines = body(program, { say: (args) => `println!(${args});`, indent: "    " });
  return [...imports(program, false), "", "fn main() {", ...lines, "}"].join("\n");
}

/**
 * The same steps, run once per schedule with each step waiting for its turn (a shared step
 * counter): one line per schedule, its printed lines joined by " | ". The model's lines for the
 * same schedules are `forcedExpectation`.
 */
export function renderForced(program: Program, schedules: readonly number[][]): string {
  const table = schedules.map((s) => `&[${s.join(", ")}]`).join(", ");
  const say = (args: string) => `out.lock().unwrap().push(format!(${args}));`;
  // Thread t's k-th step runs at the position of the k-th t in the schedule.
  const gate = (t: number, k: number) =>
    `{ let at = position(schedule, ${t}, ${k}); while turn.load(SeqCst) != at { thread::yield_now(); } }`;
  const lines = body(program, { say, gate, indent: "        " });
  return [
    ...imports(program, true),
    "",
    `static SCHEDULES: &[&[usize]] = &[${table}];`,
    "",
    "fn position(schedule: &[usize], thread: usize, step: usize) -> usize {",
    "    schedule.iter().enumerate().filter(|(_, t)| **t == thread).nth(step).map(|(i, _)| i).unwrap()",
    "}",
    "",
    "fn main() {",
    "    for schedule in SCHEDULES.iter().copied() {",
    "        let turn = Arc::new(AtomicUsize::new(0));",
    "        let out = Arc::new(Mutex::new(Vec::<String>::new()));",
    ...lines,
    '        println!("{}", out.lock().unwrap().join(" | "));',
    "    }",
    "}",
  ].join("\n");
}

export function forcedExpectation(outcomes: readonly Outcome[]): string[] {
  return outcomes.map((o) => o.lines.join(" | "));
}
