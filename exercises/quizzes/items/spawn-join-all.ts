// tokio::spawn (no OS thread, Send, may move between workers) and join_all.
import { defineItem, opt, rust } from "../define.ts";

export const spawnNotThread = defineItem({
  id: "spawn-not-thread",
  concepts: ["join-vs-spawn", "stack-vs-task-cost"],
  exercises: ["rust/spawn-tasks"],
  variants: [
    {
      id: "count-threads",
      generate: (rng) => {
        const n = rng.pick([3, 10, 100, 1000]);
        const w = rng.pick([2, 4, 8]);
        return {
          type: "single",
          prompt: `A tokio multi-thread runtime was built with ${w} worker threads. The program then calls \`tokio::spawn\` ${n} times with small async blocks. How many new OS threads do those spawns create?`,
          options: [
            opt(
              "None: each spawn queues a task for the existing worker threads.",
              true,
              `A task is a heap-allocated future. The ${w} workers take turns polling all ${n} tasks; spawning one is cheap, which is why tasks scale to many thousands.`,
            ),
            opt(
              `${n}: tokio::spawn starts a thread per task.`,
              false,
              "A common slip, repeated in some tutorials. Threads come from std::thread::spawn or spawn_blocking's pool, not from tokio::spawn.",
            ),
            opt(
              `${w * n}: every worker gets a copy of each task.`,
              false,
              "Each task exists once and is polled by one worker at a time.",
            ),
            opt(
              "One, shared by all spawned tasks.",
              false,
              "Tasks run on the runtime's existing workers; no thread is created for them.",
            ),
          ],
        };
      },
    },
    {
      id: "what-spawn-does",
      generate: () => ({
        type: "single",
        prompt: "Which statement about `tokio::spawn(fut)` is true?",
        options: [
          opt(
            "The task starts running on the runtime even if the returned JoinHandle is never awaited.",
            true,
            "Spawning hands the future to the scheduler; awaiting the JoinHandle only collects its result (or panic).",
          ),
          opt(
            "Nothing happens until the JoinHandle is awaited, just like a plain future.",
            false,
            "That is true of a plain future, not of a spawned task: the runtime polls spawned tasks on its own.",
          ),
          opt("It blocks the caller until fut completes.", false, "spawn returns immediately with a JoinHandle."),
          opt(
            "It always runs fut on the thread that called spawn.",
            false,
            "On a multi-thread runtime any worker may poll the task, and it may move between workers at .await points.",
          ),
        ],
      }),
    },
  ],
});

export const spawnedTasksMove = defineItem({
  id: "spawned-tasks-move",
  concepts: ["join-vs-spawn", "send-sync"],
  exercises: ["rust/spawn-tasks"],
  variants: [
    {
      id: "which-true",
      generate: (rng) => {
        const w = rng.pick([2, 4, 8]);
        return {
          type: "multi",
          prompt: `On a multi-thread runtime with ${w} workers, which statements about tasks created with \`tokio::spawn\` are true? Select all that apply.`,
          options: [
            opt(
              "A task may run on a different worker thread than the one that spawned it.",
              true,
              "Work-stealing schedulers hand tasks to whichever worker is free.",
            ),
            opt(
              "A task may resume on a different thread after an .await.",
              true,
              "Between polls a task is just data in a queue; the next poll can happen on any worker.",
            ),
            opt(
              "The future must be Send + 'static.",
              true,
              "Because it can move between threads and outlive the spawner, spawn requires both bounds.",
            ),
            opt(
              "Spawned tasks all share the spawner's thread, so Rc is fine inside them.",
              false,
              "That holds for join! inside one task, or for spawn_local on a LocalSet, not for tokio::spawn — Rc held across .await makes the future non-Send and tokio::spawn rejects it, whichever runtime runs it.",
            ),
            opt(
              "Two spawned tasks can never run at the same instant.",
              false,
              `With ${w} workers, up to ${w} tasks run in parallel.`,
            ),
          ],
        };
      },
    },
    {
      id: "why-send",
      generate: () => ({
        type: "single",
        prompt: "Why does `tokio::spawn` require the future to be `Send`?",
        options: [
          opt(
            "The task may be polled on another thread than the one that spawned it: a multi-thread runtime moves tasks between its workers.",
            true,
            "Whatever the future holds across an .await travels with it to the next thread, so it must be safe to send. tokio::spawn asks for Send on every runtime, a current-thread one included, because its signature cannot know which runtime it will meet; tokio::task::spawn_local on a LocalSet is the way to spawn a non-Send future.",
          ),
          opt(
            "Because tokio::spawn creates a new OS thread for the future.",
            false,
            "No thread is created; the reason is that existing workers pass tasks among themselves.",
          ),
          opt(
            "Send is needed for the future to be awaited at all.",
            false,
            "Plain .await and join! work with non-Send futures; it is spawning (with tokio::spawn, on any runtime) that needs Send, and spawn_local that does not.",
          ),
          opt(
            "So the result can be printed.",
            false,
            "Printing needs Debug or Display; Send is about moving between threads.",
          ),
        ],
      }),
    },
  ],
});

export const joinAll = defineItem({
  id: "join-all",
  concepts: ["join-all"],
  exercises: ["rust/join-all", "rust/download-many"],
  variants: [
    {
      id: "join-all-time",
      generate: (rng) => {
        const n = rng.pick([10, 50, 200]);
        const d = rng.int(5, 20) * 10;
        return {
          type: "numeric",
          prompt: "Roughly how many milliseconds does this take?",
          code: rust(`
            use futures::future::join_all;
            use tokio::time::{sleep, Duration};

            async fn fetch(i: u32) -> u32 { sleep(Duration::from_millis(${d})).await; i }

            #[tokio::main]
            async fn main() {
                let all = join_all((0..${n}).map(fetch)).await;
                assert_eq!(all.len(), ${n});
            }`),
          numeric: {
            answer: d,
            tolerance: Math.round(d * 0.15),
            unit: "ms",
            explanation: `join_all polls all ${n} futures together; their ${d} ms waits overlap, so the batch takes about ${d} ms.`,
            misconceptions: [
              {
                value: n * d,
                explanation: `${n * d} ms is ${n} sleeps one after another, as a loop with .await inside would do.`,
              },
            ],
          },
        };
      },
    },
    {
      id: "loop-await-time",
      generate: (rng) => {
        const n = rng.pick([5, 10, 20]);
        const d = rng.int(5, 20) * 10;
        return {
          type: "numeric",
          prompt: "Roughly how many milliseconds does this take?",
          code: rust(`
            use tokio::time::{sleep, Duration};

            async fn fetch(i: u32) -> u32 { sleep(Duration::from_millis(${d})).await; i }

            #[tokio::main]
            async fn main() {
                let mut all = Vec::new();
                for i in 0..${n} {
                    all.push(fetch(i).await);
                }
            }`),
          numeric: {
            answer: n * d,
            tolerance: Math.round(n * d * 0.1),
            unit: "ms",
            explanation: `Each .await inside the loop finishes one fetch before the next starts: ${n} × ${d} = ${n * d} ms. join_all (or spawning) would overlap them.`,
            misconceptions: [
              {
                value: d,
                explanation: `${d} ms would need the fetches to be in flight together; here each is awaited before the next is created.`,
              },
            ],
          },
        };
      },
    },
    {
      id: "result-order",
      generate: (rng) => {
        const waits = rng.shuffle([20, 50, 80]);
        const ids = rng.sample([3, 5, 7, 9], 3);
        const block = rust(`
          use futures::future::join_all;
          use tokio::time::{sleep, Duration};

          async fn job(id: u32, ms: u64) -> u32 {
              sleep(Duration::from_millis(ms)).await;
              println!("job {id} done");
              id
          }

          #[tokio::main]
          async fn main() {
              let ids = join_all([job(${ids[0]}, ${waits[0]}), job(${ids[1]}, ${waits[1]}), job(${ids[2]}, ${waits[2]})]).await;
              println!("{ids:?}");
          }`);
        const done = ids.map((id, i) => ({ id, w: waits[i] ?? 0 })).sort((a, b) => a.w - b.w);
        return {
          type: "order",
          prompt: "Put the printed lines in order.",
          code: block,
          lines: [
            ...done.map(({ id, w }) => ({
              text: `job ${id} done`,
              explanation: `Job ${id} finishes its ${w} ms sleep then; completion order follows the durations.`,
            })),
            {
              text: `[${ids.join(", ")}]`,
              explanation: "join_all returns the outputs in the order of its input, not the order they completed.",
            },
          ],
        };
      },
    },
  ],
});

export const joinAllResult = defineItem({
  id: "join-all-result",
  concepts: ["join-all"],
  exercises: ["rust/join-all"],
  variants: [
    {
      id: "what-returned",
      generate: (rng) => {
        const n = rng.pick([3, 4, 5]);
        return {
          type: "single",
          prompt: `\`join_all(futs).await\` is called on a Vec of ${n} futures that each return a \`u32\`. What do you get?`,
          options: [
            opt(
              `A Vec<u32> of length ${n}, in the same order as the input futures.`,
              true,
              "join_all waits for every future and keeps input order, whatever order they finish in.",
            ),
            opt(
              "A Vec<u32> in the order the futures finished.",
              false,
              "Completion order is what FuturesUnordered yields; join_all restores input order.",
            ),
            opt(
              "The output of whichever future finishes first.",
              false,
              "That is select!/select_all; join_all waits for all of them.",
            ),
            opt(
              `${n} JoinHandles to await.`,
              false,
              "join_all runs the futures inside the current task; it spawns nothing and returns outputs, not handles.",
            ),
          ],
        };
      },
    },
    {
      id: "spawned-vs-joined",
      generate: () => ({
        type: "single",
        prompt:
          "What is the difference between `join_all(futs)` and spawning each future with `tokio::spawn` and then awaiting all the handles?",
        options: [
          opt(
            "join_all polls all futures inside one task (concurrent, never parallel); spawned tasks can run on several workers in parallel and need Send + 'static.",
            true,
            "That is the core trade-off between joining and spawning.",
          ),
          opt(
            "There is none; both create one task per future.",
            false,
            "join_all creates no tasks: one task polls every future it holds.",
          ),
          opt(
            "join_all runs the futures one after another.",
            false,
            "It polls them all, so their waits overlap; only their CPU work shares one thread.",
          ),
          opt(
            "Spawned tasks only start when their handle is awaited.",
            false,
            "Spawned tasks start on their own; awaiting the handle just collects the result.",
          ),
        ],
      }),
    },
  ],
});
