// Concurrency vs parallelism, hardware vs OS threads, and what cores buy you.
import { defineItem, opt } from "../define.ts";

export const cvpDefinition = defineItem({
  id: "cvp-definition",
  concepts: ["concurrency-vs-parallelism"],
  exercises: ["rust/join-concurrently", "rust/rayon-sum"],
  variants: [
    {
      id: "define",
      generate: () => ({
        type: "single",
        prompt: "Which sentence describes **concurrency** (as opposed to parallelism)?",
        options: [
          opt(
            "Several tasks are in progress during the same period; they may take turns on a single core.",
            true,
            "Concurrency is about structure: task lifetimes overlap. Whether any two instructions run at the same instant is a separate question.",
          ),
          opt(
            "Several things execute at exactly the same instant.",
            false,
            "That is parallelism. A single core can run concurrent tasks by switching between them, so nothing happens at the same instant there.",
          ),
          opt(
            "It requires more than one CPU core.",
            false,
            "One core is enough for concurrency: an async runtime on one thread interleaves thousands of tasks.",
          ),
          opt(
            "It means the program uses async/await.",
            false,
            "async/await is one way to write concurrent code; threads are another. The concept is independent of the syntax.",
          ),
        ],
      }),
    },
    {
      id: "single-core-server",
      generate: (rng) => {
        const n = rng.pick([200, 500, 1000, 5000]);
        return {
          type: "single",
          prompt: `A server runs on a machine with **one core**. It keeps ${n} client connections open and serves each a little at a time whenever that client's data arrives. What is it doing?`,
          options: [
            opt(
              "Concurrency without parallelism.",
              true,
              `The ${n} connections are all in progress at once, but one core means only one of them executes at any instant.`,
            ),
            opt(
              "Parallelism: the connections are handled simultaneously.",
              false,
              "With one core nothing runs simultaneously; the connections only overlap in time by taking turns.",
            ),
            opt(
              "Both concurrency and parallelism.",
              false,
              "Parallelism needs at least two things executing at the same instant, which one core cannot do.",
            ),
            opt(
              "Neither: it is sequential because there is one core.",
              false,
              "Sequential would mean finishing one connection before starting the next. Interleaving them is exactly concurrency.",
            ),
          ],
        };
      },
    },
    {
      id: "split-sum",
      generate: (rng) => {
        const k = rng.pick([2, 4, 8]);
        return {
          type: "single",
          prompt: `A program splits a large array into ${k} chunks and sums each chunk on its own thread, on an idle machine with ${k} cores. The threads never wait for anything. What is this?`,
          options: [
            opt(
              "Parallelism (and, since the threads overlap in time, also concurrency).",
              true,
              `${k} busy threads on ${k} free cores really execute at the same instant; every parallel program is also concurrent.`,
            ),
            opt(
              "Concurrency only: threads always take turns.",
              false,
              "The OS puts each runnable thread on its own core when cores are free, so they run at the same time.",
            ),
            opt(
              "Neither, because the threads never communicate.",
              false,
              "Independence does not matter; overlapping execution does. Independent chunks are the easiest parallel work there is.",
            ),
            opt(
              "Parallelism only: concurrency would need async tasks.",
              false,
              "Concurrency is not tied to async; overlapping threads are concurrent too.",
            ),
          ],
        };
      },
    },
  ],
});

export const cvpTiming = defineItem({
  id: "cvp-timing",
  concepts: ["concurrency-vs-parallelism"],
  exercises: ["rust/join-concurrently", "ts/promise-all"],
  variants: [
    {
      id: "cpu-one-core",
      generate: (rng) => {
        const a = rng.int(10, 20) * 10;
        const b = rng.int(25, 40) * 10;
        return {
          type: "numeric",
          prompt: `Two threads start together on a machine with **one core**. One needs ${a} ms of pure CPU work, the other ${b} ms. Nothing else runs. Roughly how many milliseconds until both are done?`,
          numeric: {
            answer: a + b,
            tolerance: Math.round((a + b) * 0.1),
            unit: "ms",
            explanation: `One core executes one thread at a time, so the OS interleaves them and the total CPU time ${a} + ${b} = ${a + b} ms is spent one slice after another. Two threads give concurrency here, not parallelism.`,
            misconceptions: [
              {
                value: b,
                explanation: `${b} ms would need both threads to run at the same instant, which takes two cores.`,
              },
            ],
          },
        };
      },
    },
    {
      id: "cpu-two-cores",
      generate: (rng) => {
        const a = rng.int(10, 20) * 10;
        const b = rng.int(25, 40) * 10;
        return {
          type: "numeric",
          prompt: `Two threads start together on an idle machine with **two cores**. One needs ${a} ms of pure CPU work, the other ${b} ms. Roughly how many milliseconds until both are done?`,
          numeric: {
            answer: b,
            tolerance: Math.round(b * 0.1),
            unit: "ms",
            explanation: `Each thread gets its own core, so they run in parallel and the longer one decides: max(${a}, ${b}) = ${b} ms.`,
            misconceptions: [
              {
                value: a + b,
                explanation: `${a + b} ms is what one core would take; with two free cores the work does not queue.`,
              },
            ],
          },
        };
      },
    },
    {
      id: "waits-one-thread",
      generate: (rng) => {
        const a = rng.int(10, 20) * 10;
        const b = rng.int(25, 40) * 10;
        return {
          type: "numeric",
          prompt: `On a runtime with **one thread**, two async tasks are joined. One awaits a ${a} ms timer, the other a ${b} ms timer; neither does noticeable CPU work. Roughly how many milliseconds until both are done?`,
          numeric: {
            answer: b,
            tolerance: Math.round(b * 0.1),
            unit: "ms",
            explanation: `Waiting needs no CPU. Both timers run at once while the single thread is idle, so the total is the longer wait, ${b} ms: concurrency without any parallelism.`,
            misconceptions: [
              {
                value: a + b,
                explanation: `${a + b} ms assumes one thread can only wait for one thing at a time. An awaited timer frees the thread for the other task.`,
              },
            ],
          },
        };
      },
    },
  ],
});

export const hardwareThreads = defineItem({
  id: "hardware-threads",
  concepts: ["concurrency-vs-parallelism", "threads-joinhandle"],
  exercises: ["rust/threads-join"],
  variants: [
    {
      id: "spec-sheet",
      generate: (rng) => {
        const c = rng.pick([4, 6, 8, 12]);
        return {
          type: "single",
          prompt: `A CPU's spec sheet says "${c} cores / ${2 * c} threads". What does the "${2 * c} threads" mean for a Rust program?`,
          options: [
            opt(
              `The chip can run ${2 * c} hardware threads at once (two per core, SMT); the program can still create far more OS threads.`,
              true,
              `Hardware threads are execution slots on the chip. OS threads are software objects; the scheduler multiplexes any number of them onto the ${2 * c} slots.`,
            ),
            opt(
              `A program can create at most ${2 * c} threads.`,
              false,
              "The spec does not limit OS threads: programs routinely have hundreds; the OS time-slices them onto the hardware.",
            ),
            opt(
              "Every core always runs two of the program's threads at the same time.",
              false,
              "SMT lets one core keep two hardware threads and issue instructions from both in the same cycle, sharing its execution units, so it rarely doubles the speed; and which OS threads sit in those slots is the scheduler's choice, often threads of other programs.",
            ),
            opt(
              `Creating more than ${2 * c} threads makes the program crash.`,
              false,
              "Extra threads simply wait their turn for a hardware slot; they cost a little memory and switching time, not a crash.",
            ),
          ],
        };
      },
    },
    {
      id: "oversubscribe",
      generate: (rng) => {
        const c = rng.pick([2, 4, 8]);
        const n = rng.pick([50, 100, 200]);
        return {
          type: "single",
          prompt: `A program calls \`std::thread::spawn\` ${n} times on a CPU with ${c} cores and ${2 * c} hardware threads. Each thread mostly sleeps. What happens?`,
          options: [
            opt(
              `All ${n} OS threads are created; the OS scheduler runs whichever are ready on the ${2 * c} hardware threads.`,
              true,
              "OS threads are not tied to hardware threads one-to-one. Sleeping threads need no hardware slot at all.",
            ),
            opt(
              `Only ${2 * c} threads start; the rest wait until those finish.`,
              false,
              "spawn creates the thread immediately; nothing queues behind the hardware thread count.",
            ),
            opt(
              `spawn panics after ${2 * c} threads.`,
              false,
              "The limit on threads comes from the OS (memory, pid limits), far above the hardware thread count.",
            ),
            opt(
              `They run in ${Math.ceil(n / (2 * c))} batches of ${2 * c}.`,
              false,
              "There are no batches: the scheduler switches between runnable threads continually, and sleeping ones are not runnable.",
            ),
          ],
        };
      },
    },
  ],
});

export const coresSpeedup = defineItem({
  id: "cores-speedup",
  concepts: ["concurrency-vs-parallelism", "threads-joinhandle"],
  exercises: ["rust/rayon-sum", "rust/threads-join"],
  variants: [
    {
      id: "cpu-threads",
      generate: (rng) => {
        const c = rng.pick([2, 4]);
        const k = c * rng.pick([2, 3]);
        const m = rng.int(5, 12) * 20;
        const answer = Math.ceil(k / c) * m;
        return {
          type: "numeric",
          prompt: `${k} threads are spawned and joined; each does ${m} ms of pure CPU work. The machine has ${c} idle cores. Roughly how many milliseconds does the whole thing take?`,
          numeric: {
            answer,
            tolerance: Math.round(answer * 0.12),
            unit: "ms",
            explanation: `Only ${c} threads can execute at once, so ${k} × ${m} ms = ${k * m} ms of CPU work spread over ${c} cores takes about ${k * m} / ${c} = ${answer} ms.`,
            misconceptions: [
              {
                value: m,
                explanation: `${m} ms would need ${k} cores; the extra threads take turns on the ${c} that exist.`,
              },
              { value: k * m, explanation: `${k * m} ms is the time on a single core; ${c} cores share the work.` },
            ],
          },
        };
      },
    },
    {
      id: "sleeping-threads",
      generate: (rng) => {
        const c = rng.pick([1, 2]);
        const k = rng.pick([4, 6, 8]);
        const m = rng.int(5, 12) * 20;
        return {
          type: "numeric",
          prompt: `${k} threads are spawned and joined; each calls \`thread::sleep\` for ${m} ms and does nothing else. The machine has ${c} core${c > 1 ? "s" : ""}. Roughly how many milliseconds does the whole thing take?`,
          numeric: {
            answer: m,
            tolerance: Math.round(m * 0.15),
            unit: "ms",
            explanation: `A sleeping thread needs no core. All ${k} sleeps overlap, so the program ends after about ${m} ms whatever the core count.`,
            misconceptions: [
              {
                value: Math.ceil(k / c) * m,
                explanation: "That would be true for CPU work; sleeps do not occupy a core, so they do not queue.",
              },
              ...(c > 1
                ? [
                    {
                      value: k * m,
                      explanation: `${k * m} ms treats the sleeps as running one after another; they overlap.`,
                    },
                  ]
                : []),
            ],
          },
        };
      },
    },
  ],
});
