// Futures: lazy until polled, join! output order and timing, JS contrast.
import { defineItem, opt, rust, TASK_NAMES, ts } from "../define.ts";

const LETTERS = ["A", "B", "C"];

export const joinOutputOrder = defineItem({
  id: "join-output-order",
  concepts: ["join-vs-spawn", "async-basics"],
  exercises: ["rust/join-concurrently", "ts/promise-all"],
  variants: [
    {
      id: "tokio-join",
      generate: (rng) => {
        const waits = rng.shuffle([30, 60, 90]).map((w) => w + rng.int(0, 1) * 10);
        const block = rust(`
          use tokio::time::{sleep, Duration};

          async fn step(name: &str, ms: u64) {
              println!("{name} start");
              sleep(Duration::from_millis(ms)).await;
              println!("{name} end");
          }

          #[tokio::main(flavor = "current_thread")]
          async fn main() {
              tokio::join!(step("A", ${waits[0]}), step("B", ${waits[1]}), step("C", ${waits[2]}));
          }`);
        const ends = LETTERS.map((l, i) => ({ l, w: waits[i] ?? 0 })).sort((x, y) => x.w - y.w);
        return {
          type: "order",
          prompt: "Put the printed lines in order.",
          code: block,
          lines: [
            ...LETTERS.map((l) => ({
              text: `${l} start`,
              explanation: `join! polls its futures in the order written; each runs until its first .await, so ${l} starts at about 0 ms.`,
            })),
            ...ends.map(({ l, w }) => ({
              text: `${l} end`,
              explanation: `${l}'s timer fires after ${w} ms; ends come in order of the sleeps, because the three waits overlap.`,
            })),
          ],
        };
      },
    },
    {
      id: "promise-all",
      generate: (rng) => {
        const waits = rng.shuffle([30, 60, 90]);
        const block = ts(`
          const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

          async function step(name: string, ms: number) {
            console.log(\`\${name} start\`);
            await sleep(ms);
            console.log(\`\${name} end\`);
          }

          await Promise.all([step("A", ${waits[0]}), step("B", ${waits[1]}), step("C", ${waits[2]})]);
          console.log("all done");`);
        const ends = LETTERS.map((l, i) => ({ l, w: waits[i] ?? 0 })).sort((x, y) => x.w - y.w);
        return {
          type: "order",
          prompt: "Put the logged lines in order.",
          code: block,
          lines: [
            ...LETTERS.map((l) => ({
              text: `${l} start`,
              explanation: `Calling an async function runs it synchronously up to its first await, so ${l} logs its start while the array is being built.`,
            })),
            ...ends.map(({ l, w }) => ({
              text: `${l} end`,
              explanation: `${l}'s timer fires at about ${w} ms; the waits overlap, so ends follow the durations.`,
            })),
            { text: "all done", explanation: "Promise.all resolves when the slowest promise has." },
          ],
        };
      },
    },
    {
      id: "sequential-await",
      generate: (rng) => {
        const waits = rng.shuffle([30, 60, 90]);
        const block = rust(`
          use tokio::time::{sleep, Duration};

          async fn step(name: &str, ms: u64) {
              println!("{name} start");
              sleep(Duration::from_millis(ms)).await;
              println!("{name} end");
          }

          #[tokio::main]
          async fn main() {
              step("A", ${waits[0]}).await;
              step("B", ${waits[1]}).await;
              step("C", ${waits[2]}).await;
          }`);
        return {
          type: "order",
          prompt: "Put the printed lines in order.",
          code: block,
          lines: LETTERS.flatMap((l, i) => [
            {
              text: `${l} start`,
              explanation:
                i === 0
                  ? "A is awaited first, so it starts first."
                  : `${l} is not even created until the previous step's .await has finished.`,
            },
            {
              text: `${l} end`,
              explanation: `.await waits for ${l} to complete before the next line runs: one task, one step at a time, whatever the durations.`,
            },
          ]),
        };
      },
    },
  ],
});

export const joinDuration = defineItem({
  id: "join-duration",
  concepts: ["join-vs-spawn", "async-basics"],
  exercises: ["rust/join-concurrently", "ts/promise-all"],
  variants: [
    {
      id: "join-three",
      generate: (rng) => {
        const w = rng.shuffle([rng.int(4, 8) * 10, rng.int(10, 15) * 10, rng.int(16, 25) * 10]);
        const max = Math.max(...w);
        const sum = w.reduce((a, b) => a + b, 0);
        return {
          type: "numeric",
          prompt: "Roughly how many milliseconds does `main` take?",
          code: rust(`
            use tokio::time::{sleep, Duration};
            #[tokio::main(flavor = "current_thread")]
            async fn main() {
                tokio::join!(
                    sleep(Duration::from_millis(${w[0]})),
                    sleep(Duration::from_millis(${w[1]})),
                    sleep(Duration::from_millis(${w[2]})),
                );
            }`),
          numeric: {
            answer: max,
            tolerance: Math.round(max * 0.1),
            unit: "ms",
            explanation: `join! polls all three futures inside one task; their timers run at the same time, so the total is the longest, ${max} ms — even on one thread.`,
            misconceptions: [
              {
                value: sum,
                explanation: `${sum} ms is the sum: it assumes one thread can only wait for one timer at a time.`,
              },
            ],
          },
        };
      },
    },
    {
      id: "await-in-turn",
      generate: (rng) => {
        const w = [rng.int(4, 8) * 10, rng.int(10, 15) * 10, rng.int(16, 25) * 10];
        const sum = w.reduce((a, b) => a + b, 0);
        const max = Math.max(...w);
        return {
          type: "numeric",
          prompt: "Roughly how many milliseconds does `main` take?",
          code: rust(`
            use tokio::time::{sleep, Duration};

            async fn pause(d: Duration) {
                sleep(d).await;
            }

            #[tokio::main]
            async fn main() {
                let a = pause(Duration::from_millis(${w[0]}));
                let b = pause(Duration::from_millis(${w[1]}));
                let c = pause(Duration::from_millis(${w[2]}));
                a.await;
                b.await;
                c.await;
            }`),
          numeric: {
            answer: sum,
            tolerance: Math.round(sum * 0.1),
            unit: "ms",
            explanation: `Calling an async fn only builds a future: pause's body, and the sleep inside it, has not begun. Each .await then runs one pause to the end before the next one starts, so ${w.join(" + ")} = ${sum} ms. (Careful: tokio's sleep(d) itself fixes its deadline when it is called, so three bare sleep(…) values created up front and awaited in turn would take only the longest, ${max} ms. The async fn around it is what keeps the clock from starting.)`,
            misconceptions: [
              {
                value: max,
                explanation: `${max} ms would need the pauses to run together (join!, join_all or spawn). Creating a future is not starting it.`,
              },
            ],
          },
        };
      },
    },
    {
      id: "nested",
      generate: (rng) => {
        const a = rng.int(4, 8) * 10;
        const b = rng.int(5, 9) * 10;
        // Keep the branches clearly apart so "the longer branch" is unambiguous.
        const c = rng.pick([true, false]) ? a + b - rng.int(4, 6) * 10 : a + b + rng.int(4, 8) * 10;
        const answer = Math.max(a + b, c);
        return {
          type: "numeric",
          prompt: "Roughly how many milliseconds does `main` take?",
          code: rust(`
            use tokio::time::{sleep, Duration};
            async fn two_steps() {
                sleep(Duration::from_millis(${a})).await;
                sleep(Duration::from_millis(${b})).await;
            }
            #[tokio::main]
            async fn main() {
                tokio::join!(two_steps(), sleep(Duration::from_millis(${c})));
            }`),
          numeric: {
            answer,
            tolerance: Math.round(answer * 0.1),
            unit: "ms",
            explanation: `Inside two_steps the sleeps are sequential (${a} + ${b} = ${a + b} ms); join! overlaps that with the ${c} ms sleep, so the total is max(${a + b}, ${c}) = ${answer} ms.`,
            misconceptions: [
              {
                value: a + b + c,
                explanation:
                  "join! runs its two branches at the same time; only the steps inside two_steps are sequential.",
              },
              ...(Math.max(a, b, c) !== answer
                ? [
                    {
                      value: Math.max(a, b, c),
                      explanation:
                        "The two sleeps inside two_steps are awaited one after the other, so that branch takes their sum.",
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

export const futuresLazy = defineItem({
  id: "futures-lazy",
  concepts: ["async-basics"],
  exercises: ["rust/join-concurrently"],
  variants: [
    {
      id: "never-awaited",
      generate: (rng) => {
        const name = rng.pick(TASK_NAMES);
        return {
          type: "single",
          prompt: "What does this print?",
          code: rust(`
            async fn ${name}() {
                println!("${name} running");
            }

            #[tokio::main]
            async fn main() {
                let _pending = ${name}();
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                println!("main done");
            }`),
          options: [
            opt(
              'Only "main done".',
              true,
              `Calling an async fn only builds a future. Nobody polls _pending, so ${name}'s body never runs. Binding it to _pending also silences the compiler's "futures do nothing unless you .await or poll them" warning, which a bare ${name}(); statement would get.`,
            ),
            opt(
              `"${name} running", then "main done".`,
              false,
              "That would be true in JavaScript, where an async function starts at once. A Rust future is inert until polled.",
            ),
            opt(
              `"main done", then "${name} running" when main ends.`,
              false,
              "Dropping an unpolled future just frees it; it never runs.",
            ),
            opt(
              `"${name} running" appears during the sleep, because the runtime polls every future.`,
              false,
              "The runtime polls tasks (spawned futures) and what they await. A future stored in a variable is neither.",
            ),
          ],
        };
      },
    },
    {
      id: "created-before-print",
      generate: (rng) => {
        const name = rng.pick(TASK_NAMES);
        return {
          type: "order",
          prompt: "Put the printed lines in order.",
          code: rust(`
            async fn ${name}() -> u32 {
                println!("${name} starts");
                7
            }

            #[tokio::main]
            async fn main() {
                let fut = ${name}();
                println!("future created");
                let n = fut.await;
                println!("got {n}");
            }`),
          lines: [
            { text: "future created", explanation: `${name}() only builds the future; none of its body has run yet.` },
            {
              text: `${name} starts`,
              explanation: "The body runs when the future is first polled, i.e. at fut.await.",
            },
            { text: "got 7", explanation: "The await completes with the value the async fn returned." },
          ],
        };
      },
    },
    {
      id: "js-contrast",
      generate: (rng) => {
        const name = rng.pick(["fetchUser", "loadCart", "readConfig"]);
        return {
          type: "order",
          prompt: "JavaScript for contrast: put the logged lines in order.",
          code: ts(`
            async function ${name}() {
              console.log("${name} starts");
              await null;
              console.log("${name} resumes");
            }

            const p = ${name}();
            console.log("promise created");
            await p;
            console.log("done");`),
          lines: [
            {
              text: `${name} starts`,
              explanation:
                "A JS async function runs synchronously up to its first await as soon as it is called — unlike a Rust future, which waits to be polled.",
            },
            {
              text: "promise created",
              explanation: "At the await the function returns a pending promise and the caller continues.",
            },
            {
              text: `${name} resumes`,
              explanation: "The rest of the function runs as a microtask once the caller yields (await p).",
            },
            { text: "done", explanation: "await p finishes after the function body has completed." },
          ],
        };
      },
    },
  ],
});
