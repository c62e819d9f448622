// Cancellation in Rust's async: a dropped future stops at its .await, select! keeps the first
// branch and drops the rest, and a JoinHandle is not the task.
import { defineItem, opt, rust } from "../define.ts";

const JOBS = ["download", "upload", "backup", "reindex", "export"];

export const cancelAtAwait = defineItem({
  id: "cancel-at-await",
  concepts: ["cancellation", "async-basics"],
  exercises: ["rust/spawn-tasks", "rust/join-concurrently"],
  variants: [
    {
      id: "select-drops-loser",
      generate: (rng) => {
        const job = rng.pick(JOBS);
        const work = rng.int(20, 40) * 10;
        const limit = rng.int(5, 15) * 10;
        return {
          type: "order",
          prompt: "Put the printed lines in order. (Not every `println!` in the code runs.)",
          code: rust(`
            use tokio::time::{sleep, Duration};

            struct Noisy(&'static str);
            impl Drop for Noisy {
                fn drop(&mut self) { println!("{} dropped", self.0); }
            }

            async fn ${job}() -> u32 {
                let _guard = Noisy("${job}");
                println!("${job} started");
                sleep(Duration::from_millis(${work})).await;
                println!("${job} finished");
                7
            }

            #[tokio::main]
            async fn main() {
                tokio::select! {
                    n = ${job}() => println!("got {n}"),
                    _ = sleep(Duration::from_millis(${limit})) => println!("timed out"),
                }
                println!("after select");
            }`),
          lines: [
            {
              text: `${job} started`,
              explanation: `select! polls both branches at once; ${job}'s body runs up to its first .await (the ${work} ms sleep) and prints this at 0 ms.`,
            },
            {
              text: `${job} dropped`,
              explanation: `The ${limit} ms timer wins. select! then drops the losing future on the spot, before it runs the winner's handler: dropping a suspended future drops the locals it holds (here the guard), and the code after its .await — "${job} finished" — never runs. It is not paused to continue later; it is gone.`,
            },
            {
              text: "timed out",
              explanation: "The winning branch's handler runs once the other branch has been dropped.",
            },
            {
              text: "after select",
              explanation:
                "select! is an expression: when the handler finishes, main simply carries on. Nothing of the cancelled job is still running.",
            },
          ],
        };
      },
    },
    {
      id: "timeout-steps",
      generate: (rng) => {
        const step = rng.pick([40, 60, 80]);
        const done = rng.int(2, 3);
        const total = done + rng.int(2, 3);
        const limit = done * step + step / 2;
        return {
          type: "order",
          prompt: "Put the printed lines in order. (Not every `println!` in the code runs.)",
          code: rust(`
            use tokio::time::{sleep, timeout, Duration};

            async fn migrate() {
                for batch in 1..=${total} {
                    sleep(Duration::from_millis(${step})).await;
                    println!("batch {batch} copied");
                }
                println!("migration complete");
            }

            #[tokio::main]
            async fn main() {
                match timeout(Duration::from_millis(${limit}), migrate()).await {
                    Ok(()) => println!("finished in time"),
                    Err(_) => println!("gave up"),
                }
                sleep(Duration::from_millis(${total * step})).await;
                println!("main done");
            }`),
          lines: [
            ...Array.from({ length: done }, (_, i) => ({
              text: `batch ${i + 1} copied`,
              explanation: `Batch ${i + 1} completes at ${(i + 1) * step} ms, inside the ${limit} ms limit.`,
            })),
            {
              text: "gave up",
              explanation: `At ${limit} ms migrate() is suspended in the sleep of batch ${done + 1}. timeout drops it there and returns Err: batches ${done + 1}–${total} and "migration complete" never print.`,
            },
            {
              text: "main done",
              explanation: `main waits another ${total * step} ms — long enough for the rest of the migration if it were still going. No more batches appear: a dropped future does not carry on in the background (a JavaScript promise would).`,
            },
          ],
        };
      },
    },
    {
      id: "half-done-transfer",
      generate: (rng) => {
        const amount = rng.pick([50, 120, 300]);
        const ms = rng.int(20, 40) * 10;
        const limit = rng.int(5, 15) * 10;
        return {
          type: "multi",
          prompt: `The ${limit} ms timeout fires while \`audit_log\` (about ${ms} ms) is still pending. Which statements are true? Select all that apply.`,
          code: rust(`
            async fn transfer(from: &Account, to: &Account, amount: u64) {
                from.withdraw(amount);       // in memory, instant
                audit_log(amount).await;     // network call
                to.deposit(amount);          // in memory, instant
            }

            // caller:
            let result = tokio::time::timeout(
                Duration::from_millis(${limit}),
                transfer(&alice, &bob, ${amount}),
            ).await;`),
          options: [
            opt(
              `alice has already been debited ${amount}.`,
              true,
              "Everything before the .await ran when the future was first polled. Cancelling stops a future; it does not undo what it already did.",
            ),
            opt(
              "bob's deposit never happens.",
              true,
              `The future was dropped while suspended in audit_log, so the line after that .await never runs: ${amount} left alice and reached nobody. Code like this is not cancel-safe; do the await before the in-memory updates, or make both updates one step after it.`,
            ),
            opt(
              "timeout rolls the withdrawal back, like an aborted database transaction.",
              false,
              "Tempting if you think of a timeout as an abort with rollback. Rust futures have no transactions: memory already changed stays changed.",
            ),
            opt(
              "transfer keeps running in the background and deposits later.",
              false,
              "That is how a JavaScript promise behaves after Promise.race gives up on it. A Rust future only runs while someone polls it, and timeout has dropped it.",
            ),
            opt(
              "transfer is paused and resumes where it stopped if the caller awaits it again.",
              false,
              "Futures do pause at .await, which makes this tempting, but a paused future someone still owns is not the same as a dropped one. The dropped one is gone; calling transfer again starts from the top and withdraws a second time.",
            ),
          ],
        };
      },
    },
  ],
});

export const selectFirstWins = defineItem({
  id: "select-first-wins",
  concepts: ["cancellation", "async-basics"],
  exercises: ["rust/join-concurrently", "rust/spawn-tasks"],
  variants: [
    {
      id: "select-duration",
      generate: (rng) => {
        const [a, b, c] = rng.sample([40, 70, 100, 130, 160, 190, 220], 3) as [number, number, number];
        const min = Math.min(a, b, c);
        const max = Math.max(a, b, c);
        return {
          type: "numeric",
          prompt: "Roughly how many milliseconds does `main` take?",
          code: rust(`
            use tokio::time::{sleep, Duration};

            async fn lookup(source: &str, ms: u64) -> String {
                sleep(Duration::from_millis(ms)).await;
                format!("{source} answered")
            }

            #[tokio::main]
            async fn main() {
                let answer = tokio::select! {
                    x = lookup("cache", ${a}) => x,
                    x = lookup("database", ${b}) => x,
                    x = lookup("replica", ${c}) => x,
                };
                println!("{answer}");
            }`),
          numeric: {
            answer: min,
            tolerance: Math.round(min * 0.1),
            unit: "ms",
            explanation: `select! returns as soon as the first branch completes, after ${min} ms, and drops the other two lookups unfinished. Nothing waits for them.`,
            misconceptions: [
              {
                value: max,
                explanation: `${max} ms is what join! would take: it waits for every branch. select! waits only for the first, then cancels the rest.`,
              },
              {
                value: a + b + c,
                explanation:
                  "The three lookups are polled together, not one after another; and select! does not even wait for the slower ones.",
              },
            ],
          },
        };
      },
    },
    {
      id: "restarted-each-round",
      generate: (rng) => {
        const tick = rng.pick([30, 40, 50]);
        const fetch = tick * rng.int(2, 3) + tick / 2;
        const rounds = Math.max(Math.ceil(fetch / tick) + 1, rng.int(3, 6));
        return {
          type: "numeric",
          prompt: "What number does the last line print?",
          code: rust(`
            use std::sync::atomic::{AtomicU32, Ordering};
            use tokio::time::{sleep, Duration};

            static STARTS: AtomicU32 = AtomicU32::new(0);

            async fn fetch() -> u32 {
                STARTS.fetch_add(1, Ordering::Relaxed);
                sleep(Duration::from_millis(${fetch})).await;
                42
            }

            #[tokio::main]
            async fn main() {
                for _ in 0..${rounds} {
                    tokio::select! {
                        v = fetch() => { println!("fetched {v}"); break; }
                        _ = sleep(Duration::from_millis(${tick})) => println!("tick"),
                    }
                }
                println!("{}", STARTS.load(Ordering::Relaxed));
            }`),
          numeric: {
            answer: rounds,
            tolerance: 0.5,
            unit: "",
            explanation: `Each round calls fetch() anew. The ${tick} ms tick always beats the ${fetch} ms fetch, so select! drops that round's fetch and the next round starts a fresh one from the top: ${rounds} starts, and "fetched" never prints although ${rounds} × ${tick} = ${rounds * tick} ms passes in total. To keep one fetch going across rounds, create it once before the loop, pin it and select on &mut it.`,
            misconceptions: [
              {
                value: 1,
                explanation: `1 assumes the losing fetch is paused and resumes next round, finishing after ${fetch} ms. A losing branch is cancelled, not paused: each round's fetch() is a brand-new future.`,
              },
            ],
          },
        };
      },
    },
    {
      id: "pinned-future",
      generate: (rng) => {
        const tick = rng.pick([30, 40, 50]);
        const ticks = rng.int(2, 4);
        const fetch = ticks * tick + tick / 2;
        return {
          type: "numeric",
          prompt: "What number does the last line print?",
          code: rust(`
            use tokio::time::{sleep, Duration};

            async fn fetch() -> u32 {
                sleep(Duration::from_millis(${fetch})).await;
                42
            }

            #[tokio::main]
            async fn main() {
                let mut ticks = 0;
                let pending = fetch();
                tokio::pin!(pending);
                loop {
                    tokio::select! {
                        v = &mut pending => { println!("fetched {v}"); break; }
                        _ = sleep(Duration::from_millis(${tick})) => ticks += 1,
                    }
                }
                println!("{ticks}");
            }`),
          numeric: {
            answer: ticks,
            tolerance: 0.5,
            unit: "",
            explanation: `The fetch is created once and selected by &mut, so when a tick wins, select! drops only the borrow, not the fetch: it keeps its progress and completes at ${fetch} ms. A new ${tick} ms sleep is made each round, so ticks fire at ${Array.from({ length: ticks }, (_, i) => (i + 1) * tick).join(", ")} ms: ${ticks}.`,
            misconceptions: [
              {
                value: 1,
                explanation:
                  "1 assumes the sleep is one timer made once. Every round evaluates sleep(…) again and gets a fresh timer.",
              },
              {
                value: 0,
                explanation:
                  "0 assumes select! waits for every branch like join!. The first ready branch wins each round.",
              },
            ],
          },
        };
      },
    },
    {
      id: "both-ready",
      generate: (rng) => {
        const [work, stop] = rng.pick([
          ["jobs", "shutdown"],
          ["orders", "cancel"],
          ["frames", "quit"],
        ] as const);
        return {
          type: "single",
          prompt: `When this \`select!\` runs, both \`${work}\` and \`${stop}\` already have a message waiting. Which branch runs?`,
          code: rust(`
            loop {
                tokio::select! {
                    Some(item) = ${work}.recv() => handle(item).await,
                    _ = ${stop}.recv() => break,
                }
            }`),
          options: [
            opt(
              "Either one: select! starts polling at a randomly chosen branch, and the first ready branch it polls wins.",
              true,
              `Random order keeps one busy branch from starving the others. If ${stop} must always win, write \`biased;\` as the first line of select! to poll the branches top to bottom.`,
            ),
            opt(
              `Always ${work}, because it is written first.`,
              false,
              "Tempting because match arms are tried top to bottom. select! is not a match: only with `biased;` does the written order decide.",
            ),
            opt(
              "Both: the first handler runs, then the second.",
              false,
              "Exactly one handler runs per select!. The other branch's future is dropped; its message stays in the channel for the next recv.",
            ),
            opt(
              `${work} wins, and the ${stop} branch is paused and runs at the start of the next select!.`,
              false,
              "A losing branch is not queued or paused: its future is dropped. The next iteration polls fresh recv() futures, again in random order.",
            ),
          ],
        };
      },
    },
  ],
});

export const taskHandleDrop = defineItem({
  id: "task-handle-drop",
  concepts: ["cancellation", "join-vs-spawn"],
  exercises: ["rust/spawn-tasks"],
  variants: [
    {
      id: "drop-handle",
      generate: (rng) => {
        const job = rng.pick(JOBS);
        const work = rng.int(5, 10) * 10;
        return {
          type: "order",
          prompt: "Put the printed lines in order.",
          code: rust(`
            use tokio::time::{sleep, Duration};

            #[tokio::main(flavor = "current_thread")]
            async fn main() {
                let handle = tokio::spawn(async {
                    println!("${job} started");
                    sleep(Duration::from_millis(${work})).await;
                    println!("${job} finished");
                });
                drop(handle);
                println!("handle dropped");
                sleep(Duration::from_millis(${work * 2})).await;
                println!("main done");
            }`),
          lines: [
            {
              text: "handle dropped",
              explanation:
                "On a current-thread runtime the spawned task waits for main to yield; main reaches this line first.",
            },
            {
              text: `${job} started`,
              explanation:
                "main's sleep yields the thread, and the runtime polls the spawned task. Dropping the handle did not stop it from starting.",
            },
            {
              text: `${job} finished`,
              explanation: `Dropping a JoinHandle detaches the task; it does not cancel it (unlike dropping a plain future). The task finishes at ${work} ms, before main's ${work * 2} ms sleep ends. To stop it, call handle.abort().`,
            },
            { text: "main done", explanation: `main wakes at ${work * 2} ms, after the task.` },
          ],
        };
      },
    },
    {
      id: "abort",
      generate: (rng) => {
        const job = rng.pick(JOBS);
        const work = rng.int(8, 12) * 10;
        const wait = rng.int(2, 5) * 10;
        return {
          type: "order",
          prompt: "Put the printed lines in order. (Not every `println!` in the code runs.)",
          code: rust(`
            use tokio::time::{sleep, Duration};

            #[tokio::main(flavor = "current_thread")]
            async fn main() {
                let handle = tokio::spawn(async {
                    println!("${job} started");
                    sleep(Duration::from_millis(${work})).await;
                    println!("${job} finished");
                });
                sleep(Duration::from_millis(${wait})).await;
                handle.abort();
                println!("abort requested");
                let result = handle.await;
                println!("cancelled: {}", result.unwrap_err().is_cancelled());
                sleep(Duration::from_millis(${work * 2})).await;
                println!("main done");
            }`),
          lines: [
            { text: `${job} started`, explanation: "The task runs as soon as main's first sleep yields the thread." },
            {
              text: "abort requested",
              explanation: `At ${wait} ms the task is suspended in its ${work} ms sleep. abort() asks the runtime to cancel it at that .await; the call itself returns at once.`,
            },
            {
              text: "cancelled: true",
              explanation:
                "Awaiting an aborted task's handle gives Err(JoinError) whose is_cancelled() is true: the task was dropped at its .await.",
            },
            {
              text: "main done",
              explanation: `main sleeps long past the task's ${work} ms, yet "${job} finished" never appears: an aborted task does not resume.`,
            },
          ],
        };
      },
    },
    {
      id: "runtime-exit",
      generate: (rng) => {
        const job = rng.pick(JOBS);
        const work = rng.int(8, 15) * 10;
        const wait = rng.int(2, 6) * 10;
        return {
          type: "order",
          prompt: "Put the printed lines in order. (Not every `println!` in the code runs.)",
          code: rust(`
            use tokio::time::{sleep, Duration};

            #[tokio::main(flavor = "current_thread")]
            async fn main() {
                tokio::spawn(async {
                    println!("${job} started");
                    sleep(Duration::from_millis(${work})).await;
                    println!("${job} finished");
                });
                println!("spawned");
                sleep(Duration::from_millis(${wait})).await;
                println!("main done");
            }`),
          lines: [
            {
              text: "spawned",
              explanation:
                "tokio::spawn only queues the task; with one runtime thread it cannot run until main yields.",
            },
            {
              text: `${job} started`,
              explanation: "main's sleep yields, so the runtime polls the task up to its own sleep.",
            },
            {
              text: "main done",
              explanation: `main wakes at ${wait} ms and returns. Returning from #[tokio::main] shuts the runtime down, which drops every unfinished task at its .await: "${job} finished" (due at ${work} ms) never prints. Keep the JoinHandle and await it if the work must finish.`,
            },
          ],
        };
      },
    },
  ],
});
