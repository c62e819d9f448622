// Misconceptions about waiting: "the lock is held only for pop()", "wait() returns only when
// notified", "forEach awaits its async callback".
import { compileOptions, defineItem, opt, rust, ts } from "../define.ts";
import type { Rng } from "../rng.ts";

function queueProgram(rng: Rng, loop: "while-let" | "let-first") {
  const jobs = Array.from({ length: rng.int(3, 6) }, (_, i) => (i + 1) * 10);
  const body =
    loop === "while-let"
      ? `while let Some(job) = queue.lock().unwrap().pop() {
            // ... process job ...
            if queue.try_lock().is_err() {
                locked_during_job += 1;
            }
        }`
      : `loop {
            let next = queue.lock().unwrap().pop();
            let Some(job) = next else { break };
            // ... process job ...
            if queue.try_lock().is_err() {
                locked_during_job += 1;
            }
        }`;
  const block = rust(`
    use std::sync::Mutex;

    fn main() {
        let queue = Mutex::new(vec![${jobs.join(", ")}]);
        let mut locked_during_job = 0;
        ${body}
        println!("{locked_during_job}");
    }`);
  return { block, count: jobs.length };
}

export const guardTemporaryScope = defineItem({
  id: "guard-temporary-scope",
  concepts: ["mutex-refcell"],
  exercises: ["rust/shared-counter"],
  variants: [
    {
      id: "while-let",
      generate: (rng) => {
        const { block, count } = queueProgram(rng, "while-let");
        return {
          type: "numeric",
          prompt: "`try_lock` fails while a guard for the mutex is alive. What does this print?",
          code: block,
          numeric: {
            answer: count,
            tolerance: 0.5,
            unit: "",
            explanation: `The guard from queue.lock() is a temporary in the while let condition, and temporaries there live until the end of the loop body. So the queue stays locked while each of the ${count} jobs is processed: ${count}. With several workers, that serialises them — each waits for the others' jobs, not just their pop().`,
            misconceptions: [
              {
                value: 0,
                explanation:
                  "0 assumes the lock is released as soon as pop() returns, as it would at the end of a let statement. In a while let (or match, or if let) condition the guard lives through the whole block.",
              },
            ],
          },
        };
      },
    },
    {
      id: "let-first",
      generate: (rng) => {
        const { block, count } = queueProgram(rng, "let-first");
        return {
          type: "numeric",
          prompt: "`try_lock` fails while a guard for the mutex is alive. What does this print?",
          code: block,
          numeric: {
            answer: 0,
            tolerance: 0.5,
            unit: "",
            explanation:
              "The guard is a temporary of the let statement, dropped at its semicolon: the job has been taken out and the lock released before any processing starts. try_lock always succeeds (and its own guard is dropped at once): 0. This is the way to pop from a shared queue.",
            misconceptions: [
              {
                value: count,
                explanation: `${count} is what a while let Some(job) = queue.lock().unwrap().pop() loop would give, since a condition's temporaries live through the body. Here the pop is its own statement.`,
              },
            ],
          },
        };
      },
    },
    {
      id: "workers-serialised",
      generate: (rng) => {
        const workers = rng.pick([2, 4, 8]);
        const jobs = workers * rng.int(3, 6);
        const ms = rng.int(2, 5) * 10;
        const answer = jobs * ms;
        return {
          type: "numeric",
          prompt: `${workers} worker threads (on ${workers} idle cores) each run this loop over one shared queue of ${jobs} jobs; \`process\` is ${ms} ms of CPU and touches nothing shared. Roughly how many milliseconds until the queue is drained?`,
          code: rust(`
            while let Some(job) = queue.lock().unwrap().pop() {
                process(job);
            }`),
          numeric: {
            answer,
            tolerance: Math.round(answer * 0.1),
            unit: "ms",
            explanation: `The MutexGuard created in the while let condition lives until the end of the loop body, so each worker holds the lock while it processes: only one job runs at a time, ${jobs} × ${ms} = ${answer} ms. Write let job = queue.lock().unwrap().pop(); on its own line and the ${workers} workers overlap.`,
            misconceptions: [
              {
                value: answer / workers,
                explanation: `${answer / workers} ms is ${workers} workers in parallel, which happens only if the lock is released right after pop(). Here the guard outlives the pop.`,
              },
            ],
          },
        };
      },
    },
  ],
});

const FLAGS = ["ready", "loaded", "started", "done"];

export const condvarWait = defineItem({
  id: "condvar-wait",
  concepts: ["mutex-refcell", "threads-joinhandle"],
  exercises: ["rust/threads-join", "rust/shared-counter"],
  variants: [
    {
      id: "guard-consumed",
      generate: (rng) => {
        const flag = rng.pick(FLAGS);
        return {
          type: "compiles",
          prompt: "Does this compile?",
          code: rust(`
            use std::sync::{Condvar, Mutex};
            use std::thread;

            fn main() {
                let ${flag} = Mutex::new(false);
                let signal = Condvar::new();
                thread::scope(|s| {
                    s.spawn(|| {
                        *${flag}.lock().unwrap() = true;
                        signal.notify_one();
                    });
                    let guard = ${flag}.lock().unwrap();
                    signal.wait(guard).unwrap();
                    println!("${flag}: {}", *guard);
                });
            }`),
          claim: "E0382",
          options: compileOptions("E0382", {
            compiles: {
              text: "It compiles.",
              explanation:
                "Tempting if you picture wait() as pausing while the guard stays in your hands. wait takes the guard by value.",
            },
            E0382: {
              text: "error[E0382]: borrow of moved value `guard`",
              explanation:
                "wait(guard) moves the guard in, unlocks the mutex while sleeping, and hands back a new guard once it has re-locked. This code throws that guard away and then reads the moved one. Write guard = signal.wait(guard).unwrap(); inside a while loop that re-checks the flag.",
            },
            E0373: {
              text: "error[E0373]: closure may outlive the current function",
              explanation: "Scoped threads may borrow locals: thread::scope joins them before returning.",
            },
            E0277: {
              text: "error[E0277]: `Condvar` cannot be shared between threads safely",
              explanation: "Condvar is Sync; it exists to be shared between threads alongside its Mutex.",
            },
          }),
        };
      },
    },
    {
      id: "while-loop",
      generate: (rng) => {
        const flag = rng.pick(FLAGS);
        return {
          type: "compiles",
          prompt: "Does this compile?",
          code: rust(`
            use std::sync::{Condvar, Mutex};
            use std::thread;

            fn main() {
                let ${flag} = Mutex::new(false);
                let signal = Condvar::new();
                thread::scope(|s| {
                    s.spawn(|| {
                        *${flag}.lock().unwrap() = true;
                        signal.notify_one();
                    });
                    let mut guard = ${flag}.lock().unwrap();
                    while !*guard {
                        guard = signal.wait(guard).unwrap();
                    }
                    println!("${flag}: {}", *guard);
                });
            }`),
          claim: "compiles",
          options: compileOptions("compiles", {
            compiles: {
              text: "It compiles.",
              explanation:
                "wait consumes the guard and returns the re-locked one, which is assigned back. The while loop is the correct pattern: it handles a notify that came before the wait (the flag is already true) and spurious wake-ups (the flag is still false). Condvar::wait_while does the same.",
            },
            E0382: {
              text: "error[E0382]: use of moved value `guard`",
              explanation:
                "guard is moved into wait, but the returned guard is assigned back to it before the next use, so every use sees a live value.",
            },
            E0373: {
              text: "error[E0373]: closure may outlive the current function",
              explanation: "Scoped threads may borrow locals: thread::scope joins them before returning.",
            },
            E0277: {
              text: "error[E0277]: `Condvar` cannot be shared between threads safely",
              explanation: "Condvar is Sync; it exists to be shared between threads alongside its Mutex.",
            },
          }),
        };
      },
    },
    {
      id: "why-loop",
      generate: (rng) => {
        const flag = rng.pick(FLAGS);
        return {
          type: "single",
          prompt: `Why is the wait written as \`while !*guard { guard = cv.wait(guard).unwrap(); }\` rather than a single \`cv.wait(guard)\` guarded by \`if !*guard\`?`,
          options: [
            opt(
              `wait may return without any notify (a spurious wake-up), and by the time it re-locks, the condition may have changed again; the loop re-checks ${flag} under the lock every time.`,
              true,
              'A Condvar carries no message — only "something may have changed". The state lives in the mutex-protected value, and the loop is how the waiter asks it.',
            ),
            opt(
              "A single wait would keep the mutex locked while sleeping, so the notifier could never set the flag.",
              false,
              "wait always releases the mutex while sleeping and re-locks it before returning, loop or no loop.",
            ),
            opt(
              "notify_one wakes exactly one waiter exactly when the condition holds, so an if would work too; the loop is just style.",
              false,
              "Tempting, since that is what notify seems to promise. But wake-ups can be spurious, and another thread may grab the lock and change the state before the woken waiter gets it.",
            ),
            opt(
              "The loop makes the waiting thread spin, so it reacts faster than sleeping would.",
              false,
              "The loop body is a wait: the thread sleeps inside it. It only goes round again after a wake-up.",
            ),
          ],
        };
      },
    },
  ],
});

const ITEMS = ["invoice", "receipt", "report", "avatar", "backup"];

function saveJobs(rng: Rng) {
  const names = rng.sample(ITEMS, 3);
  const ms = rng.sample([20, 40, 60, 80], 3);
  const jobs = names.map((name, i) => ({ name, ms: ms[i] ?? 0 }));
  const decl = `const jobs = [${jobs.map((j) => `{ name: "${j.name}", ms: ${j.ms} }`).join(", ")}];`;
  return { jobs, decl, byTime: [...jobs].sort((a, b) => a.ms - b.ms) };
}

export const forEachAsync = defineItem({
  id: "foreach-async",
  concepts: ["async-basics", "join-all"],
  exercises: ["ts/promise-all"],
  variants: [
    {
      id: "for-each",
      generate: (rng) => {
        const { decl, byTime } = saveJobs(rng);
        return {
          type: "order",
          prompt: "Put the logged lines in order.",
          code: ts(`
            const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
            ${decl}

            jobs.forEach(async (job) => {
              await sleep(job.ms);
              console.log(\`\${job.name} saved\`);
            });
            console.log("forEach returned");`),
          lines: [
            {
              text: "forEach returned",
              explanation:
                "forEach calls each async callback and ignores the promise it returns: it does not await anything, so it returns at once, before any save.",
            },
            ...byTime.map((j) => ({
              text: `${j.name} saved`,
              explanation: `The three saves run concurrently; ${j.name}'s ${j.ms} ms timer decides when it logs. Nothing waits for them — use for…of with await (one at a time) or Promise.all(jobs.map(…)) (together).`,
            })),
          ],
        };
      },
    },
    {
      id: "for-of",
      generate: (rng) => {
        const { decl, jobs } = saveJobs(rng);
        return {
          type: "order",
          prompt: "Put the logged lines in order.",
          code: ts(`
            const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
            ${decl}

            for (const job of jobs) {
              await sleep(job.ms);
              console.log(\`\${job.name} saved\`);
            }
            console.log("all saved");`),
          lines: [
            ...jobs.map((j, i) => ({
              text: `${j.name} saved`,
              explanation:
                i === 0
                  ? "for…of with await runs the body once per job and waits each time: the first job in the array is saved first, whatever its duration."
                  : `${j.name}'s sleep does not even start until the previous save has finished, so the shorter durations cannot overtake.`,
            })),
            {
              text: "all saved",
              explanation: `The loop finishes after all the sleeps, one after another: ${jobs.map((j) => j.ms).join(" + ")} = ${jobs.reduce((s, j) => s + j.ms, 0)} ms.`,
            },
          ],
        };
      },
    },
    {
      id: "map-promise-all",
      generate: (rng) => {
        const { decl, byTime } = saveJobs(rng);
        return {
          type: "order",
          prompt: "Put the logged lines in order.",
          code: ts(`
            const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
            ${decl}

            await Promise.all(
              jobs.map(async (job) => {
                await sleep(job.ms);
                console.log(\`\${job.name} saved\`);
              }),
            );
            console.log("all saved");`),
          lines: [
            ...byTime.map((j) => ({
              text: `${j.name} saved`,
              explanation: `map starts every save at once and the timers overlap, so ${j.name} logs after its ${j.ms} ms — in order of duration, not of the array.`,
            })),
            {
              text: "all saved",
              explanation: `Promise.all waits for every promise map returned, so this comes last, after the slowest (${byTime.at(-1)?.ms} ms).`,
            },
          ],
        };
      },
    },
  ],
});
