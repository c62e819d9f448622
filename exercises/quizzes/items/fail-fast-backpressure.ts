// Fail-fast and back-pressure: Promise.all rejects early but cannot stop anything, and a
// bounded channel makes a fast producer wait.
import { defineItem, opt, rust, ts } from "../define.ts";

const STEPS = ["A", "B", "C"];

/** Three steps, one of which fails: events in time order. */
function timeline(ms: number[], failing: number) {
  return STEPS.map((name, i) => ({ name, ms: ms[i] ?? 0, fails: i === failing })).sort((x, y) => x.ms - y.ms);
}

export const promiseAllFailFast = defineItem({
  id: "promise-all-fail-fast",
  concepts: ["cancellation", "join-all"],
  exercises: ["ts/promise-all", "rust/join-all"],
  variants: [
    {
      id: "promise-all-reject",
      generate: (rng) => {
        const ms = rng.sample([30, 60, 90, 120], 3);
        const order = [0, 1, 2].sort((a, b) => (ms[a] ?? 0) - (ms[b] ?? 0));
        const failing = order[rng.int(0, 1)] ?? 0;
        const events = timeline(ms, failing);
        const failAt = ms[failing] ?? 0;
        return {
          type: "order",
          prompt: "Put the logged lines in order. (Not every `console.log` in the code runs.)",
          code: ts(`
            const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

            async function step(name: string, ms: number, fail: boolean) {
              console.log(\`\${name} start\`);
              await sleep(ms);
              if (fail) throw new Error(\`\${name} failed\`);
              console.log(\`\${name} end\`);
            }

            try {
              await Promise.all([${STEPS.map((s, i) => `step("${s}", ${ms[i]}, ${i === failing})`).join(", ")}]);
              console.log("all done");
            } catch (e) {
              console.log(\`caught: \${(e as Error).message}\`);
            }`),
          lines: [
            ...STEPS.map((s) => ({
              text: `${s} start`,
              explanation: `Each call runs synchronously up to its first await while the array is built, so ${s} starts at once.`,
            })),
            ...events.map((e) =>
              e.fails
                ? {
                    text: `caught: ${e.name} failed`,
                    explanation: `Promise.all rejects as soon as any promise rejects — at ${e.ms} ms — without waiting for the rest. "all done" never logs.`,
                  }
                : e.ms < failAt
                  ? { text: `${e.name} end`, explanation: `${e.name} finishes at ${e.ms} ms, before the failure.` }
                  : {
                      text: `${e.name} end`,
                      explanation: `${e.name} was not cancelled: a promise is not a handle on the work, and Promise.all cannot stop what it no longer waits for. ${e.name} ends at ${e.ms} ms, after the catch has run. (To stop it, pass an AbortSignal into the work.)`,
                    },
            ),
          ],
        };
      },
    },
    {
      id: "all-settled",
      generate: (rng) => {
        const ms = rng.sample([30, 60, 90, 120], 3);
        const failing = rng.int(0, 2);
        const events = timeline(ms, failing);
        const statuses = STEPS.map((_, i) => (i === failing ? "rejected" : "fulfilled")).join(" ");
        return {
          type: "order",
          prompt: "Put the logged lines in order. (Not every `console.log` in the code runs.)",
          code: ts(`
            const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

            async function step(name: string, ms: number, fail: boolean) {
              console.log(\`\${name} start\`);
              await sleep(ms);
              if (fail) throw new Error(\`\${name} failed\`);
              console.log(\`\${name} end\`);
            }

            const results = await Promise.allSettled([${STEPS.map((s, i) => `step("${s}", ${ms[i]}, ${i === failing})`).join(", ")}]);
            console.log(results.map((r) => r.status).join(" "));`),
          lines: [
            ...STEPS.map((s) => ({
              text: `${s} start`,
              explanation: `${s}'s body runs up to its first await as soon as it is called.`,
            })),
            ...events
              .filter((e) => !e.fails)
              .map((e) => ({
                text: `${e.name} end`,
                explanation: `${e.name} ends at ${e.ms} ms; ${STEPS[failing]}'s failure does not disturb it.`,
              })),
            {
              text: statuses,
              explanation: `allSettled never rejects early: it waits for every promise and reports each outcome in input order, so this comes after the slowest step (${Math.max(...ms)} ms). ${STEPS[failing]} threw before its "end" line.`,
            },
          ],
        };
      },
    },
    {
      id: "rust-try-join",
      generate: (rng) => {
        const ms = rng.sample([30, 60, 90, 120], 3);
        const order = [0, 1, 2].sort((a, b) => (ms[a] ?? 0) - (ms[b] ?? 0));
        const failing = order[rng.int(0, 1)] ?? 0;
        const events = timeline(ms, failing);
        const failAt = ms[failing] ?? 0;
        const failName = STEPS[failing] ?? "A";
        const cancelled = events.filter((e) => e.ms > failAt).map((e) => e.name);
        return {
          type: "order",
          prompt: "Rust for contrast: put the printed lines in order. (Not every `println!` in the code runs.)",
          code: rust(`
            use tokio::time::{sleep, Duration};

            async fn step(name: &str, ms: u64, fail: bool) -> Result<(), String> {
                println!("{name} start");
                sleep(Duration::from_millis(ms)).await;
                if fail { return Err(format!("{name} failed")); }
                println!("{name} end");
                Ok(())
            }

            #[tokio::main]
            async fn main() {
                match tokio::try_join!(${STEPS.map((s, i) => `step("${s}", ${ms[i]}, ${i === failing})`).join(", ")}) {
                    Ok(_) => println!("all done"),
                    Err(e) => println!("error: {e}"),
                }
                sleep(Duration::from_millis(200)).await;
                println!("main done");
            }`),
          lines: [
            ...STEPS.map((s) => ({
              text: `${s} start`,
              explanation: `try_join! polls its futures in the order written; ${s} runs to its first .await.`,
            })),
            ...events
              .filter((e) => e.ms < failAt)
              .map((e) => ({
                text: `${e.name} end`,
                explanation: `${e.name} finishes at ${e.ms} ms, before ${failName} fails.`,
              })),
            {
              text: `error: ${failName} failed`,
              explanation: `At ${failAt} ms ${failName} returns Err; try_join! returns that error at once and drops the unfinished ${cancelled.join(" and ")}.`,
            },
            {
              text: "main done",
              explanation: `Unlike JavaScript's Promise.all, the other steps are gone: ${cancelled.map((c) => `"${c} end"`).join(" and ")} never print${cancelled.length === 1 ? "s" : ""}, although main waits 200 ms more. A dropped future stops at its .await.`,
            },
          ],
        };
      },
    },
  ],
});

export const boundedBackpressure = defineItem({
  id: "bounded-backpressure",
  concepts: ["backpressure", "channels"],
  exercises: ["rust/message-passing", "ts/message-passing"],
  variants: [
    {
      id: "producer-waits",
      generate: (rng) => {
        const cap = rng.int(1, 4);
        const n = cap + rng.int(3, 6);
        const d = rng.int(3, 8) * 10;
        const answer = (n - cap) * d;
        return {
          type: "numeric",
          prompt: 'Roughly how many milliseconds until "all sent" is printed?',
          code: rust(`
            use tokio::sync::mpsc;
            use tokio::time::{sleep, Duration};

            #[tokio::main]
            async fn main() {
                let (tx, mut rx) = mpsc::channel::<u32>(${cap});
                tokio::spawn(async move {
                    loop {
                        sleep(Duration::from_millis(${d})).await; // slow consumer
                        if rx.recv().await.is_none() { break; }
                    }
                });
                for job in 0..${n} {
                    tx.send(job).await.unwrap();
                }
                println!("all sent");
            }`),
          numeric: {
            answer,
            tolerance: Math.round(answer * 0.1),
            unit: "ms",
            explanation: `The first ${cap} send${cap === 1 ? "" : "s"} fill the buffer at once. From then on each send waits until the consumer takes a message, one every ${d} ms: (${n} − ${cap}) × ${d} = ${answer} ms. That wait is back-pressure — the producer is slowed to the consumer's pace instead of piling messages up in memory.`,
            misconceptions: [
              {
                value: 0,
                explanation: `0 ms is what an unbounded channel gives: sending never waits, and the backlog grows in memory instead. mpsc::channel(${cap}) holds at most ${cap}.`,
              },
              {
                value: n * d,
                explanation: `${n * d} ms assumes every send waits for its own message to be received. Only when the buffer is full does a send wait; ${cap} can sit there.`,
              },
            ],
          },
        };
      },
    },
    {
      id: "unbounded-growth",
      generate: (rng) => {
        const consume = rng.pick([500, 1000, 2000]);
        const produce = consume * rng.pick([2, 3, 4]);
        const seconds = rng.pick([30, 60, 120]);
        const answer = (produce - consume) * seconds;
        return {
          type: "numeric",
          prompt: `A producer sends ${produce} messages per second into a tokio \`mpsc::unbounded_channel()\`; the single consumer handles ${consume} per second. Both start at once. How many messages are waiting in the channel after ${seconds} seconds?`,
          numeric: {
            answer,
            tolerance: Math.round(answer * 0.05),
            unit: "messages",
            explanation: `The backlog grows by ${produce} − ${consume} = ${produce - consume} messages every second: ${answer} after ${seconds} s, and it keeps growing until memory runs out. An unbounded channel never pushes back; a bounded one (mpsc::channel(n)) makes the producer wait instead.`,
            misconceptions: [
              {
                value: 0,
                explanation:
                  "0 assumes the producer is slowed down to the consumer's pace. Only a bounded channel does that; unbounded_channel's send never waits.",
              },
              {
                value: produce * seconds,
                explanation: "That forgets the consumer: it does drain messages, just not as fast as they arrive.",
              },
            ],
          },
        };
      },
    },
    {
      id: "full-channel",
      generate: (rng) => {
        const cap = rng.pick([1, 8, 64]);
        return {
          type: "single",
          prompt: `A \`std::sync::mpsc::sync_channel(${cap})\` already holds ${cap} message${cap === 1 ? "" : "s"}, and the receiver is busy. What does the producer's next \`tx.send(msg)\` do?`,
          options: [
            opt(
              "It blocks the producing thread until the receiver takes a message and frees a slot.",
              true,
              "That is the point of a bounded channel: a fast producer is held to the consumer's pace, and memory stays bounded. (tokio's bounded send().await waits the same way, but yields the task instead of blocking the thread.) It returns Err only if the receiver has been dropped.",
            ),
            opt(
              "It returns an error at once because the channel is full.",
              false,
              "That is try_send, which returns Err(TrySendError::Full) instead of waiting. send waits.",
            ),
            opt(
              "It grows the buffer to make room.",
              false,
              "Tempting if you know Vec, but that is what the unbounded mpsc::channel() effectively does. A sync_channel's capacity is fixed.",
            ),
            opt(
              "It drops the oldest message to make room.",
              false,
              "A lossy ring buffer (like tokio's broadcast channel, where slow receivers lag) does that. An mpsc channel never discards messages.",
            ),
          ],
        };
      },
    },
  ],
});
