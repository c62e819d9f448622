// rayon data parallelism and choosing a mechanism from a scenario (Webb & Taylor, SIGCSE 2014).
import { defineItem, opt, type OptionInput } from "../define.ts";
import type { Rng } from "../rng.ts";

export const rayonWhat = defineItem({
  id: "rayon-what",
  concepts: ["rayon"],
  exercises: ["rust/rayon-sum"],
  variants: [
    {
      id: "par-iter-sum",
      generate: (rng) => {
        const n = rng.pick([1, 10, 100]);
        return {
          type: "single",
          prompt: `What does \`v.par_iter().map(|x| x * x).sum::<u64>()\` do on a Vec of ${n} million numbers?`,
          options: [
            opt(
              "Splits the work into pieces run on rayon's thread pool (about one thread per core, with work stealing) and combines the partial sums.",
              true,
              "Same result as the sequential version, because addition can be regrouped; the speed-up comes from several cores.",
            ),
            opt(
              "Spawns one OS thread per element.",
              false,
              "rayon reuses a fixed pool and splits the range into chunks; a thread per element would cost far more than the work.",
            ),
            opt(
              "Runs the map as async tasks on tokio.",
              false,
              "rayon is independent of async runtimes; it is plain threads for CPU work.",
            ),
            opt(
              "Gives a different total each run, because threads race on the sum.",
              false,
              "Each piece has its own partial sum; rayon combines them safely. No shared accumulator exists.",
            ),
          ],
        };
      },
    },
    {
      id: "mutate-captured",
      generate: () => ({
        type: "single",
        prompt: "Why does `let mut total = 0; v.par_iter().for_each(|x| total += x);` fail to compile?",
        options: [
          opt(
            "The closure runs on several threads at once, so it may not mutate a captured variable (it must be Fn + Sync).",
            true,
            "That mutation would be a data race; the compiler refuses it. Use .sum(), .reduce(), or an atomic.",
          ),
          opt(
            "par_iter needs the Vec to be wrapped in Arc first.",
            false,
            "rayon borrows the Vec safely for the duration of the call; no Arc needed.",
          ),
          opt(
            "for_each is not available on parallel iterators.",
            false,
            "It is; the problem is what the closure does.",
          ),
          opt(
            "x is a reference, and += cannot add a reference.",
            false,
            "u64 += &u64 works through AddAssign<&u64>; the error is the shared mutation.",
          ),
        ],
      }),
    },
  ],
});

export const rayonTiming = defineItem({
  id: "rayon-timing",
  concepts: ["rayon", "concurrency-vs-parallelism"],
  exercises: ["rust/rayon-sum"],
  variants: [
    {
      id: "cpu-items",
      generate: (rng) => {
        const c = rng.pick([2, 4, 8]);
        const n = c * rng.pick([4, 8, 16]);
        const ms = rng.pick([5, 10, 20]);
        const answer = (n * ms) / c;
        return {
          type: "numeric",
          prompt: `\`items.par_iter().for_each(work)\` runs over ${n} items; each \`work\` call is ${ms} ms of CPU. The machine has ${c} idle cores and rayon uses its default pool. Ideally, how many milliseconds does it take?`,
          numeric: {
            answer,
            tolerance: Math.round(answer * 0.15),
            unit: "ms",
            explanation: `rayon's pool has about ${c} threads; ${n} × ${ms} = ${n * ms} ms of CPU spread over ${c} cores ≈ ${answer} ms (a little more in practice).`,
            misconceptions: [
              {
                value: n * ms,
                explanation: "That is the sequential time; par_iter spreads the items over every core.",
              },
              { value: ms, explanation: `That would need ${n} cores. rayon does not create a thread per item.` },
            ],
          },
        };
      },
    },
    {
      id: "sleep-items",
      generate: (rng) => {
        const c = rng.pick([2, 4]);
        const n = c * rng.pick([3, 5]);
        const ms = rng.pick([50, 100]);
        const answer = (n / c) * ms;
        return {
          type: "numeric",
          prompt: `${n} items are processed with \`par_iter().for_each\`, and each call does \`thread::sleep(${ms} ms)\` (standing in for a blocking network call). The default pool has ${c} threads. Roughly how many milliseconds?`,
          numeric: {
            answer,
            tolerance: Math.round(answer * 0.12),
            unit: "ms",
            explanation: `A sleeping call still occupies its pool thread, so only ${c} sleeps run at a time: ${n} / ${c} × ${ms} = ${answer} ms. rayon is for CPU work; waiting belongs in async tasks.`,
            misconceptions: [
              { value: ms, explanation: "Sleeps overlap only as far as there are pool threads to sleep on." },
              { value: n * ms, explanation: `${c} pool threads sleep at the same time.` },
            ],
          },
        };
      },
    },
  ],
});

type Mechanism = "async" | "threads" | "rayon" | "worker";
/** `right`: the mechanism that fits best, or two that both fit (the explanations give the trade-off). */
type Scenario = {
  id: string;
  right: Mechanism | Mechanism[];
  text: (rng: Rng) => string;
  why: Record<Mechanism, string>;
};

const LABEL: Record<Mechanism, string> = {
  async: "Async tasks (tokio, or async/await in JS)",
  threads: "A few dedicated OS threads",
  rayon: "rayon data parallelism",
  worker: "A worker (Web Worker / worker_threads)",
};

function mechanismOptions(scenario: Scenario): OptionInput[] {
  const right = Array.isArray(scenario.right) ? scenario.right : [scenario.right];
  return (Object.keys(LABEL) as Mechanism[]).map((m) => ({
    text: LABEL[m],
    correct: right.includes(m),
    explanation: scenario.why[m],
  }));
}

function scenarioItem(id: string, scenarios: Scenario[]) {
  return defineItem({
    id,
    concepts: ["async-vs-threads"],
    exercises: ["rust/async-vs-threads", "ts/async-vs-workers"],
    variants: scenarios.map((s) => ({
      id: s.id,
      generate: (rng) => ({
        type: "single" as const,
        prompt: `${s.text(rng)} Which mechanism fits best, and why?`,
        // Shuffled: the right mechanism is not learnable from its position.
        options: mechanismOptions(s),
      }),
    })),
  });
}

export const scenarioWaiting = scenarioItem("scenario-waiting", [
  {
    id: "chat-server",
    right: "async",
    text: (rng) =>
      `A Rust chat server keeps ${rng.pick(["10,000", "50,000", "100,000"])} mostly idle connections open; each occasionally relays a short message.`,
    why: {
      async: "Each connection is a cheap task that costs memory only for its state; idle tasks take no thread at all.",
      threads:
        "A thread per connection ties up a kernel thread and stack reservation for every idle socket; it works for hundreds, not tens of thousands.",
      rayon: "rayon splits CPU work over cores; it does nothing for connections that are waiting.",
      worker: "Workers move CPU work off a JS event loop; this server's problem is many waits, not heavy computation.",
    },
  },
  {
    id: "download-many",
    right: "async",
    text: (rng) => `A CLI downloads ${rng.pick([300, 1000, 5000])} files over HTTP, at most 50 at a time.`,
    why: {
      async:
        "Downloads are waiting on the network; tasks with a concurrency limit (buffer_unordered, a semaphore) overlap the waits cheaply.",
      threads:
        "A thread per download works for a handful, but thousands of threads mostly sit idle while costing kernel resources.",
      rayon:
        "rayon's pool has one thread per core, and a blocking download would occupy it: the downloads would barely overlap.",
      worker: "There is no UI or event loop to protect here; the work is waiting, not computing.",
    },
  },
  {
    id: "profile-fetch",
    right: "async",
    text: (rng) =>
      `An async web handler needs a user row from the database (~${rng.pick([20, 40, 60])} ms) and an avatar from a CDN (~50 ms) before it can respond.`,
    why: {
      async:
        "Two independent waits: join! them so they overlap and the handler takes the longer of the two, not the sum.",
      threads:
        "Starting OS threads inside an async handler to wait on IO wastes threads; the runtime already overlaps waits.",
      rayon: "There is no CPU work to split.",
      worker: "Nothing here blocks a CPU; the waits just need to overlap.",
    },
  },
  {
    id: "blocking-waits",
    right: "threads",
    text: (rng) =>
      `A Rust program with no async runtime waits on ${rng.pick([2, 3, 4])} child processes at once, reading each one's output with std's blocking \`read_line\` until it exits.`,
    why: {
      async:
        "Waiting is async's strength only when the waits are async: std's blocking reads would stall a runtime thread, and adding tokio just to wrap them in spawn_blocking buys nothing here.",
      threads:
        "A handful of blocking waits that last the whole run: one thread per child, each owning its pipe, sending lines on a channel. Waiting costs a thread nothing but a stack while it sleeps.",
      rayon: "rayon's pool is for short CPU jobs; a blocking read parks a pool thread for the whole run.",
      worker: "There is no JS event loop here; in Rust a plain thread is the direct tool.",
    },
  },
]);

export const scenarioCpu = scenarioItem("scenario-cpu", [
  {
    id: "image-batch",
    right: "rayon",
    text: (rng) => `A Rust tool resizes ${rng.pick([500, 2000, 10000])} images that are already loaded in memory.`,
    why: {
      async: "Async overlaps waiting; resizing is pure CPU work, so tasks on one thread take just as long.",
      threads:
        "Hand-made threads can do it, but you would be rewriting chunking and load balancing that rayon already does.",
      rayon: "Independent CPU work over a collection: par_iter spreads it across all cores with work stealing.",
      worker: "Workers are the JavaScript answer to CPU work; in Rust, rayon's thread pool does this directly.",
    },
  },
  {
    id: "big-sum",
    right: "rayon",
    text: (rng) => `A program sums a function over a Vec of ${rng.pick([50, 100, 500])} million floats.`,
    why: {
      async: "There is nothing to wait for; async would run the same loop on one thread.",
      threads:
        "Possible with thread::scope and manual chunks, but par_iter().map().sum() does it in one line and balances the load.",
      rayon: "A map-reduce over a collection is exactly rayon's use case.",
      worker: "Rust has real threads; a JS-style worker is not the tool here.",
    },
  },
  {
    id: "browser-parse",
    right: "worker",
    text: (rng) =>
      `A web page must parse a ${rng.pick([30, 80, 200])} MB CSV file in the browser without freezing scrolling and clicks.`,
    why: {
      async: "An async function still parses on the page's main thread; the UI freezes during every synchronous chunk.",
      threads: "Browser JavaScript cannot create OS threads directly; Web Workers are how it gets another thread.",
      rayon: "rayon is a Rust library; in the page itself the tool is a Web Worker.",
      worker:
        "A Web Worker has its own thread and event loop; the main thread stays responsive and receives the result by message.",
    },
  },
  {
    id: "node-hash",
    right: "worker",
    text: (rng) =>
      `A Node.js API must hash passwords (~${rng.pick([100, 250, 400])} ms of CPU each) without stalling other requests.`,
    why: {
      async:
        "Wrapping the hash in an async function still runs it on the one event-loop thread; every other request waits.",
      threads: "Node exposes threads through worker_threads; there is no separate raw-thread API to reach for.",
      rayon: "rayon is Rust; the Node answer is a pool of worker_threads.",
      worker: "A pool of worker_threads runs the hashing in parallel while the event loop keeps serving requests.",
    },
  },
]);

export const scenarioDedicated = scenarioItem("scenario-dedicated", [
  {
    id: "serial-port",
    right: "threads",
    text: (rng) =>
      `A Rust service must read from ${rng.pick([1, 2, 3])} serial device(s) using a library whose read call blocks until bytes arrive, for the whole lifetime of the program.`,
    why: {
      async:
        "A blocking read inside a task would stall a runtime worker for ever; it would need spawn_blocking anyway.",
      threads:
        "A few long-lived blocking loops are what OS threads are for: each thread owns one device and sends data on with a channel.",
      rayon:
        "rayon's pool is for short CPU jobs; parking its threads in endless reads starves everything else using it.",
      worker: "There is no JS event loop involved; in Rust a plain thread does this.",
    },
  },
  {
    id: "audio-loop",
    right: "threads",
    text: () =>
      "A Rust program runs one audio-mixing loop that must wake every 5 ms for the lifetime of the program, never sharing its thread with other work.",
    why: {
      async:
        "A task shares its worker with others; a busy neighbour can delay it. Latency-critical loops want their own thread.",
      threads:
        "One dedicated thread (perhaps with raised priority) keeps the loop's timing independent of the rest of the program.",
      rayon: "rayon is for splitting a batch of work, not for a permanent loop.",
      worker: "Workers are the JS mechanism; in Rust a dedicated std::thread is the direct tool.",
    },
  },
  {
    id: "blocking-lib",
    right: ["threads", "rayon"],
    text: (rng) =>
      `A command-line tool calls a C library's CPU-heavy, blocking \`compress()\` on ${rng.pick([2, 3, 4])} big files and waits for all of them. There is no async runtime in the program.`,
    why: {
      async:
        "Adding a runtime only to call blocking functions gains nothing; they would need spawn_blocking threads anyway.",
      threads:
        "Either works. thread::scope with one thread per file, then join: simple, parallel, and each file gets a core as long as there are as many cores as files. (rayon is the other good answer.)",
      rayon:
        "Either works. files.par_iter() runs the calls on rayon's pool, one thread per core: with more files than cores it balances the load for you; with a few files it is the same as threads. (Plain threads are the other good answer.)",
      worker: "In Rust the equivalent of a worker is simply a thread.",
    },
  },
  {
    id: "heartbeat-in-service",
    right: "async",
    text: (rng) =>
      `A tokio web service must also send a heartbeat to a monitor every ${rng.pick([5, 10, 30])} seconds for as long as it runs; sending one takes a few microseconds.`,
    why: {
      async:
        "A spawned task with tokio::time::interval: it sleeps on the runtime's timer between beats, costs no thread, and lives as long as the service.",
      threads:
        "A dedicated thread would work, but it sits idle almost all the time, and the service already has a runtime whose timer does this for free.",
      rayon: "There is no batch of CPU work to split.",
      worker: "Workers are the JS mechanism; in a tokio service a task is the direct tool.",
    },
  },
]);

export const asyncVsThreadsWhy = defineItem({
  id: "async-vs-threads-why",
  concepts: ["async-vs-threads", "stack-vs-task-cost"],
  exercises: ["rust/async-vs-threads"],
  variants: [
    {
      id: "why-tasks-scale",
      generate: (rng) => {
        const n = rng.pick(["10,000", "100,000"]);
        return {
          type: "single",
          prompt: `Why can a tokio program keep ${n} connections in flight when ${n} OS threads would struggle?`,
          options: [
            opt(
              "A task is a small heap-allocated state machine and switching tasks is a function return; threads each need kernel scheduling and a stack reservation.",
              true,
              "That is the cost model: tasks are cheap to create, hold and switch, as long as they yield while waiting.",
            ),
            opt(
              "Async code runs on more cores than threads can.",
              false,
              "Threads use every core; async's advantage is cheapness per waiting task, not extra parallelism.",
            ),
            opt(
              "Each OS thread needs 2 GB of RAM.",
              false,
              "Each needs a reserved stack (often 2–8 MiB of address space) and some kernel memory; resident memory stays small. The cost is real but far lower.",
            ),
            opt(
              "Async tasks never wait.",
              false,
              "They wait all the time — by yielding, which is exactly what makes them cheap.",
            ),
          ],
        };
      },
    },
    {
      id: "when-threads",
      generate: () => ({
        type: "multi",
        prompt:
          "In which situations are OS threads (or a thread pool) a better choice than async tasks? Select all that apply.",
        options: [
          opt(
            "Long CPU-bound computations that should use several cores.",
            true,
            "Async only overlaps waiting; CPU work needs threads (or rayon).",
          ),
          opt(
            "Calling a library that only offers blocking functions.",
            true,
            "Blocking calls belong on threads (spawn_blocking's pool in an async program).",
          ),
          opt(
            "Tens of thousands of mostly idle network connections.",
            false,
            "That is async's home ground: idle tasks cost almost nothing.",
          ),
          opt(
            "Overlapping three HTTP requests inside a handler.",
            false,
            "join! in the handler does this without any extra thread.",
          ),
        ],
      }),
    },
  ],
});
