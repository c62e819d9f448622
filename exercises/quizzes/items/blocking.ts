// Blocking the runtime / event loop, spawn_blocking, holding a lock across .await, async speed.
import { defineItem, opt, rust, ts } from "../define.ts";

export const blockingSleep = defineItem({
  id: "blocking-sleep",
  concepts: ["blocking-runtime"],
  exercises: ["rust/blocked-runtime"],
  variants: [
    {
      id: "std-sleep-join",
      generate: (rng) => {
        const d = rng.int(5, 15) * 10;
        return {
          type: "numeric",
          prompt: "Roughly how many milliseconds does `main` take?",
          code: rust(`
            async fn step() {
                std::thread::sleep(std::time::Duration::from_millis(${d}));
            }
            #[tokio::main]
            async fn main() {
                tokio::join!(step(), step(), step());
            }`),
          numeric: {
            answer: 3 * d,
            tolerance: Math.round(3 * d * 0.1),
            unit: "ms",
            explanation: `std::thread::sleep blocks the thread and never yields to the runtime, so join! cannot switch to the other steps: 3 × ${d} = ${3 * d} ms. tokio::time::sleep(...).await would take ${d} ms.`,
            misconceptions: [
              {
                value: d,
                explanation: `${d} ms is what tokio::time::sleep would give. A blocking sleep inside async code holds the thread; being inside an async fn does not make it yield.`,
              },
            ],
          },
        };
      },
    },
    {
      id: "tokio-sleep-join",
      generate: (rng) => {
        const d = rng.int(5, 15) * 10;
        return {
          type: "numeric",
          prompt: "Roughly how many milliseconds does `main` take?",
          code: rust(`
            async fn step() {
                tokio::time::sleep(std::time::Duration::from_millis(${d})).await;
            }
            #[tokio::main(flavor = "current_thread")]
            async fn main() {
                tokio::join!(step(), step(), step());
            }`),
          numeric: {
            answer: d,
            tolerance: Math.round(d * 0.15),
            unit: "ms",
            explanation: `Each await on tokio's sleep yields, so the three timers run together on the one thread: ${d} ms.`,
            misconceptions: [
              { value: 3 * d, explanation: "The sleeps overlap: an awaited tokio timer does not hold the thread." },
            ],
          },
        };
      },
    },
    {
      id: "heartbeat",
      generate: (rng) => {
        const tick = rng.pick([10, 20]);
        const block = rng.int(3, 6) * 100;
        return {
          type: "numeric",
          prompt: `On a current-thread runtime, one task prints a heartbeat every ${tick} ms with \`tokio::time::sleep\`. Another task runs a ${block} ms CPU loop with no .await inside. What is the longest gap between two heartbeats, in ms?`,
          numeric: {
            answer: block,
            tolerance: Math.round(block * 0.15),
            unit: "ms",
            explanation: `While the loop runs the only thread is busy and nothing else can be polled, so the heartbeat stalls for the whole ${block} ms. Move the loop to spawn_blocking (or yield inside it).`,
            misconceptions: [
              {
                value: tick,
                explanation: "The timer may be due, but the task that prints can only run when the thread is free.",
              },
            ],
          },
        };
      },
    },
  ],
});

export const blockingFix = defineItem({
  id: "blocking-fix",
  concepts: ["blocking-runtime"],
  exercises: ["rust/blocked-runtime"],
  variants: [
    {
      id: "best-fix",
      generate: (rng) => {
        const ms = rng.pick([200, 500, 800]);
        return {
          type: "single",
          prompt: `An async web handler must compute a password hash that takes about ${ms} ms of CPU. Other requests stall while it runs. What is the right fix?`,
          options: [
            opt(
              "Run the hash in tokio::task::spawn_blocking and await its JoinHandle.",
              true,
              "spawn_blocking moves the closure to a separate pool of threads meant for blocking work; the async workers keep serving other tasks.",
            ),
            opt(
              "Put .await after the hashing loop.",
              false,
              "An await only yields where it awaits something pending; the loop before it still holds the thread for the whole time.",
            ),
            opt(
              "Wrap the hash in an async block.",
              false,
              "async does not make CPU work any shorter or move it anywhere; the block still runs on a runtime worker when polled.",
            ),
            opt(
              "tokio::spawn the hashing as its own task.",
              false,
              "The task still runs on a runtime worker and blocks it; with fewer workers than concurrent hashes the runtime still starves.",
            ),
          ],
        };
      },
    },
    {
      id: "which-block",
      generate: () => ({
        type: "multi",
        prompt:
          "Inside an `async fn` running on tokio, which of these calls block the worker thread? Select all that apply.",
        options: [
          opt(
            "std::thread::sleep(Duration::from_secs(1))",
            true,
            "It parks the OS thread, which is the runtime's worker.",
          ),
          opt(
            'std::fs::read_to_string("big.log")',
            true,
            "Blocking file IO holds the thread until the read completes; use tokio::fs or spawn_blocking.",
          ),
          opt(
            "A for loop summing a billion numbers with no .await",
            true,
            "Long CPU work never yields; the runtime cannot preempt a task.",
          ),
          opt(
            "tokio::time::sleep(Duration::from_secs(1)).await",
            false,
            "The timer registers a waker and the task yields; the thread polls other tasks meanwhile.",
          ),
          opt(
            "rx.recv().await on a tokio mpsc channel",
            false,
            "Awaiting an empty async channel yields until a message arrives.",
          ),
        ],
      }),
    },
    {
      id: "what-spawn-blocking",
      generate: () => ({
        type: "single",
        prompt: "What does `tokio::task::spawn_blocking(f)` do?",
        options: [
          opt(
            "Runs the closure f on a separate thread pool reserved for blocking work and returns a JoinHandle to await.",
            true,
            "This keeps the async workers free; the handle gives you the closure's result.",
          ),
          opt(
            "Turns f into an async function that yields periodically.",
            false,
            "f stays ordinary synchronous code; it is simply run somewhere harmless.",
          ),
          opt(
            "Makes f run faster by using all cores.",
            false,
            "f runs on one thread. For splitting CPU work across cores use rayon or several threads.",
          ),
          opt(
            "Blocks the current task until f finishes, on the same worker thread.",
            false,
            "It hands f to another thread; awaiting the handle yields this task instead of blocking the worker.",
          ),
        ],
      }),
    },
  ],
});

export const blockedEventLoop = defineItem({
  id: "blocked-event-loop",
  concepts: ["blocking-runtime"],
  exercises: ["ts/blocked-event-loop"],
  variants: [
    {
      id: "timer-late",
      generate: (rng) => {
        const t = rng.int(1, 5) * 10;
        const b = rng.int(20, 40) * 10;
        return {
          type: "numeric",
          prompt: "About how many milliseconds after the start does the timer callback run?",
          code: ts(`
            const start = Date.now();
            setTimeout(() => console.log("timer", Date.now() - start), ${t});

            // Synchronous work: a busy loop for about ${b} ms.
            while (Date.now() - start < ${b}) {}
            console.log("loop over");`),
          numeric: {
            answer: b,
            tolerance: Math.round(b * 0.1),
            unit: "ms",
            explanation: `The timer is due after ${t} ms, but JavaScript runs callbacks only when the call stack is empty; the loop holds the one thread for ${b} ms, so the callback runs at about ${b} ms.`,
            misconceptions: [
              {
                value: t,
                explanation: `A timer is a minimum delay, not an interrupt; the event loop cannot run it while synchronous code is running.`,
              },
            ],
          },
        };
      },
    },
    {
      id: "micro-macro",
      generate: () => ({
        type: "order",
        prompt: "Put the logged lines in order.",
        code: ts(`
          setTimeout(() => console.log("timeout"), 0);
          Promise.resolve().then(() => console.log("then"));
          queueMicrotask(() => console.log("microtask"));
          console.log("sync");`),
        lines: [
          { text: "sync", explanation: "Synchronous code runs to the end before any queued callback." },
          {
            text: "then",
            explanation: "Promise reactions are microtasks, run as soon as the stack is empty, in the order queued.",
          },
          {
            text: "microtask",
            explanation: "Queued after the then callback, so it runs right after it, still before any timer.",
          },
          {
            text: "timeout",
            explanation: "Timers are macrotasks: even with 0 ms they wait until every microtask has run.",
          },
        ],
      }),
    },
  ],
});

export const mutexAcrossAwait = defineItem({
  id: "mutex-across-await",
  concepts: ["mutex-refcell", "async-basics"],
  exercises: ["rust/shared-counter", "rust/spawn-tasks"],
  variants: [
    {
      id: "std-guard-spawn",
      generate: (rng) => {
        const d = rng.pick([10, 50, 100]);
        return {
          type: "single",
          prompt: "What happens with this code on tokio's multi-thread runtime?",
          code: rust(`
            use std::sync::{Arc, Mutex};

            async fn bump(count: Arc<Mutex<u32>>) {
                let mut n = count.lock().unwrap();
                tokio::time::sleep(std::time::Duration::from_millis(${d})).await;
                *n += 1;
            }

            // in main:
            // tokio::spawn(bump(Arc::clone(&count)));`),
          options: [
            opt(
              "It does not compile: the std MutexGuard is held across .await, so the future is not Send.",
              true,
              "std::sync::MutexGuard is !Send. Holding it across an await stores it in the future, and spawn requires Send. Drop the guard before awaiting, or use tokio::sync::Mutex.",
            ),
            opt(
              "It compiles and works fine.",
              false,
              "The guard lives across the await point, which makes the future non-Send; spawn refuses it.",
            ),
            opt(
              "It compiles but deadlocks at runtime immediately.",
              false,
              "It never gets to run: the problem is caught at compile time.",
            ),
            opt(
              "It compiles, but the sleep is skipped while the lock is held.",
              false,
              "Awaits are never skipped; the issue is what the future holds while suspended.",
            ),
          ],
        };
      },
    },
    {
      id: "async-lock-held",
      generate: (rng) => {
        const n = rng.pick([3, 4, 5]);
        const d = rng.int(4, 10) * 10;
        return {
          type: "numeric",
          prompt: `${n} tasks are joined; each runs the code below on the same \`tokio::sync::Mutex\`. Roughly how many milliseconds until all are done?`,
          code: rust(`
            let mut guard = shared.lock().await;
            tokio::time::sleep(Duration::from_millis(${d})).await; // guard still held
            *guard += 1;`),
          numeric: {
            answer: n * d,
            tolerance: Math.round(n * d * 0.1),
            unit: "ms",
            explanation: `Each task keeps the lock for its whole ${d} ms sleep, so the others queue behind it: ${n} × ${d} = ${n * d} ms. Holding a lock across .await serialises the tasks.`,
            misconceptions: [
              { value: d, explanation: "The sleeps would overlap only if the lock were released before sleeping." },
            ],
          },
        };
      },
    },
    {
      id: "lock-released",
      generate: (rng) => {
        const n = rng.pick([3, 4, 5]);
        const d = rng.int(4, 10) * 10;
        return {
          type: "numeric",
          prompt: `${n} tasks are joined; each runs the code below on the same mutex. Roughly how many milliseconds until all are done?`,
          code: rust(`
            {
                let mut guard = shared.lock().unwrap();
                *guard += 1;
            } // guard dropped here
            tokio::time::sleep(Duration::from_millis(${d})).await;`),
          numeric: {
            answer: d,
            tolerance: Math.round(d * 0.15),
            unit: "ms",
            explanation: `The guard is dropped before the await, so each task holds the lock only for an instant and the ${n} sleeps overlap: about ${d} ms.`,
            misconceptions: [
              {
                value: n * d,
                explanation: "That would happen if the guard lived across the sleep. Here the block ends first.",
              },
            ],
          },
        };
      },
    },
  ],
});

export const asyncNotFaster = defineItem({
  id: "async-not-faster",
  concepts: ["async-basics", "async-vs-threads"],
  exercises: ["rust/async-vs-threads", "ts/async-vs-workers"],
  variants: [
    {
      id: "cpu-to-async",
      generate: (rng) => {
        const ms = rng.pick([100, 250, 400]);
        return {
          type: "single",
          prompt: `\`fn checksum(data: &[u8]) -> u64\` takes ${ms} ms of CPU. Someone rewrites it as \`async fn checksum\` and calls \`checksum(&data).await\`. How long does it take now?`,
          options: [
            opt(
              `About ${ms} ms, the same: async changes how waiting is scheduled, not how fast CPU work runs.`,
              true,
              "There is nothing to wait for, so nothing overlaps. Async pays off only when tasks spend time waiting.",
            ),
            opt(
              `Much less, because async code runs on several cores.`,
              false,
              "A future is polled on one thread at a time; async is not a parallelism tool by itself.",
            ),
            opt(
              "It never finishes: async functions cannot do CPU work.",
              false,
              "They can; they just hold the thread while they do.",
            ),
            opt(
              `About ${ms / 2} ms, since the runtime has two worker threads.`,
              false,
              "One call runs on one thread; more workers help only when there are several tasks.",
            ),
          ],
        };
      },
    },
    {
      id: "which-gains",
      generate: (rng) => {
        const n = rng.pick([20, 100, 500]);
        return {
          type: "single",
          prompt: "Which workload gets faster by switching from sequential code to async tasks on one thread?",
          options: [
            opt(
              `Fetching ${n} URLs, each mostly waiting on the network.`,
              true,
              "The waits can overlap: while one response is in flight the thread sends the others.",
            ),
            opt(
              `Resizing ${n} images already in memory.`,
              false,
              "Pure CPU work: one thread does the same work in the same time. Use threads or rayon for this.",
            ),
            opt(`Computing ${n} SHA-256 hashes of in-memory buffers.`, false, "Also CPU-bound; async adds no cores."),
            opt(
              `Sorting a Vec of ${n} million numbers.`,
              false,
              "Sorting never waits for anything; only parallel sorting (rayon's par_sort) can help.",
            ),
          ],
        };
      },
    },
  ],
});
