// join! vs spawn for CPU work, spawn_blocking's effect, lock ordering, JS parallelism.
import { defineItem, opt, rust, ts } from "../define.ts";

export const joinVsSpawnCpu = defineItem({
  id: "join-vs-spawn-cpu",
  concepts: ["join-vs-spawn", "concurrency-vs-parallelism"],
  exercises: ["rust/spawn-tasks", "rust/join-concurrently"],
  variants: [
    {
      id: "joined",
      generate: (rng) => {
        const a = rng.int(8, 15) * 10;
        const b = rng.int(16, 25) * 10;
        return {
          type: "numeric",
          prompt: `On a multi-thread runtime with 4 workers (4 idle cores), \`tokio::join!(crunch(${a}), crunch(${b}))\` runs two async fns that each do that many ms of CPU work with no .await inside. Roughly how many ms does the join! take?`,
          numeric: {
            answer: a + b,
            tolerance: Math.round((a + b) * 0.1),
            unit: "ms",
            explanation: `join! polls both futures inside one task, and a task runs on one thread at a time: ${a} + ${b} = ${a + b} ms. Extra workers cannot help a single task.`,
            misconceptions: [
              {
                value: b,
                explanation:
                  "Parallel execution needs separate tasks (tokio::spawn) or threads; join! only interleaves at .await points, and there are none.",
              },
            ],
          },
        };
      },
    },
    {
      id: "spawned",
      generate: (rng) => {
        const a = rng.int(8, 15) * 10;
        const b = rng.int(16, 25) * 10;
        return {
          type: "numeric",
          prompt: `On a multi-thread runtime with 4 workers (4 idle cores), \`crunch(${a})\` and \`crunch(${b})\` are each passed to \`tokio::spawn\` and both JoinHandles are awaited. Each does that many ms of CPU work with no .await. Roughly how many ms until both handles are ready?`,
          numeric: {
            answer: b,
            tolerance: Math.round(b * 0.1),
            unit: "ms",
            explanation: `Two spawned tasks can be polled by two workers at the same time: max(${a}, ${b}) = ${b} ms. (They still block those two workers meanwhile; for long CPU work prefer spawn_blocking or rayon.)`,
            misconceptions: [
              {
                value: a + b,
                explanation: "Spawned tasks on a multi-thread runtime can run in parallel on different workers.",
              },
            ],
          },
        };
      },
    },
  ],
});

export const spawnBlockingEffect = defineItem({
  id: "spawn-blocking-effect",
  concepts: ["blocking-runtime"],
  exercises: ["rust/blocked-runtime"],
  variants: [
    {
      id: "heartbeat-kept",
      generate: (rng) => {
        const tick = rng.pick([10, 20]);
        const work = rng.int(3, 6) * 100;
        return {
          type: "numeric",
          prompt: `On a current-thread runtime a heartbeat task wakes every ${tick} ms with \`tokio::time::sleep\`. Another task runs \`spawn_blocking(|| crunch_for(${work}ms)).await\`. What is the longest gap between heartbeats, in ms, on a machine with a spare core?`,
          numeric: {
            answer: tick,
            tolerance: Math.max(3, Math.round(tick * 0.3)),
            unit: "ms",
            explanation: `The ${work} ms of CPU runs on spawn_blocking's own thread; the awaiting task just yields, so the runtime thread keeps waking the heartbeat every ${tick} ms.`,
            misconceptions: [
              {
                value: work,
                explanation:
                  "That is what running the loop directly in the task would do. spawn_blocking moves it off the runtime thread.",
              },
            ],
          },
        };
      },
    },
    {
      id: "order-heartbeat",
      generate: (rng) => {
        const work = rng.pick([150, 250]);
        return {
          type: "order",
          prompt: `Put the printed lines in order (one runtime thread, a spare core; \`crunch\` is ${work} ms of CPU).`,
          code: rust(`
            #[tokio::main(flavor = "current_thread")]
            async fn main() {
                let heavy = tokio::task::spawn_blocking(|| { crunch(); println!("crunch done"); });
                println!("spawned");
                tokio::time::sleep(std::time::Duration::from_millis(${Math.round(work / 3)})).await;
                println!("tick");
                heavy.await.unwrap();
                println!("main done");
            }`),
          lines: [
            {
              text: "spawned",
              explanation: "spawn_blocking returns a handle at once; the closure starts on another thread.",
            },
            {
              text: "tick",
              explanation: `The runtime thread is free, so the ${Math.round(work / 3)} ms sleep ends on time, before the ${work} ms crunch.`,
            },
            { text: "crunch done", explanation: `The blocking thread finishes after about ${work} ms.` },
            { text: "main done", explanation: "Awaiting the handle waits for the closure; main continues afterwards." },
          ],
        };
      },
    },
  ],
});

export const lockOrder = defineItem({
  id: "lock-order",
  concepts: ["mutex-refcell"],
  exercises: ["rust/shared-counter"],
  variants: [
    {
      id: "opposite-order",
      generate: (rng) => {
        const [a, b] = rng.sample(["accounts", "ledger", "audit", "cache"], 2);
        return {
          type: "single",
          prompt: `Thread 1 locks \`${a}\` then \`${b}\`; thread 2 locks \`${b}\` then \`${a}\`. Both hold the first lock while taking the second. What can happen?`,
          options: [
            opt(
              "A deadlock: each thread holds one lock and waits for the other's, forever.",
              true,
              `Fix it by always taking the locks in one global order (e.g. ${a} before ${b}) or by taking them under one lock.`,
            ),
            opt(
              "Nothing: Rust's type system prevents deadlocks.",
              false,
              "Rust prevents data races, not deadlocks; lock order is up to the program.",
            ),
            opt(
              "A data race on the protected values.",
              false,
              "Every access is under a lock, so there is no race; the risk is waiting forever.",
            ),
            opt("The second lock call returns Err immediately.", false, "lock() waits; only try_lock returns at once."),
          ],
        };
      },
    },
    {
      id: "poisoned",
      generate: () => ({
        type: "single",
        prompt:
          "A thread panics while holding a `std::sync::Mutex` guard. What does the next `lock()` on that mutex return?",
        options: [
          opt(
            "Err(PoisonError): the data may be half-updated; into_inner() on the error still gives access.",
            true,
            "Poisoning flags that an invariant may be broken; .unwrap() on lock() turns it into a panic in the next thread too.",
          ),
          opt(
            "It blocks forever because the guard was never dropped.",
            false,
            "Unwinding drops the guard, releasing the lock (and marking it poisoned).",
          ),
          opt("Ok, as if nothing happened.", false, "std marks the mutex poisoned so later users notice."),
          opt("The whole process aborts.", false, "Only the panicking thread unwinds."),
        ],
      }),
    },
  ],
});

export const jsParallelism = defineItem({
  id: "js-parallelism",
  concepts: ["async-vs-threads", "concurrency-vs-parallelism"],
  exercises: ["ts/async-vs-workers", "ts/promise-all"],
  variants: [
    {
      id: "promise-all-cpu",
      generate: (rng) => {
        const ms = rng.int(8, 20) * 10;
        const n = rng.pick([2, 3, 4]);
        return {
          type: "numeric",
          prompt: `Each \`hash()\` below is ${ms} ms of synchronous CPU work. Roughly how many milliseconds does the Promise.all take?`,
          code: ts(`
            async function hashAsync(input: string) {
              return hash(input); // synchronous, ${ms} ms of CPU
            }
            await Promise.all([${[...Array(n).keys()].map((i) => `hashAsync("f${i}")`).join(", ")}]);`),
          numeric: {
            answer: n * ms,
            tolerance: Math.round(n * ms * 0.1),
            unit: "ms",
            explanation: `All ${n} calls run on the one JavaScript thread, one after another: ${n} × ${ms} = ${n * ms} ms. Promise.all overlaps waiting, not computing; for parallel CPU work use workers.`,
            misconceptions: [
              {
                value: ms,
                explanation:
                  "That would need the hashes to run in parallel, which only Workers (separate threads) can do.",
              },
            ],
          },
        };
      },
    },
    {
      id: "what-runs-parallel",
      generate: () => ({
        type: "single",
        prompt: "Which of these lets JavaScript code run CPU work in parallel on several cores?",
        options: [
          opt(
            "Starting several Workers (worker_threads in Node), each with its own event loop.",
            true,
            "Each Worker is a separate thread with its own heap; they exchange data by message or share a SharedArrayBuffer.",
          ),
          opt(
            "Promise.all over several async functions.",
            false,
            "Promise.all only overlaps waits; the code itself still runs on one thread.",
          ),
          opt(
            "setTimeout(fn, 0) for each chunk.",
            false,
            "That spreads work over time on the same thread (keeping the UI responsive), not over cores.",
          ),
          opt(
            "Marking the function async.",
            false,
            "async changes how a function returns and awaits, not where it runs.",
          ),
        ],
      }),
    },
  ],
});
