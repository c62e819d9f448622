// Threads and JoinHandle: output order, joining, panics, return values, and thread cost.
import { defineItem, opt, rust } from "../define.ts";

const WORKERS = ["ada", "bob", "cy", "dee", "eli", "fay"];

export const threadJoinOrder = defineItem({
  id: "thread-join-order",
  concepts: ["threads-joinhandle"],
  exercises: ["rust/threads-join"],
  variants: [
    {
      id: "sleep-then-print",
      generate: (rng) => {
        const names = rng.sample(WORKERS, 3);
        const waits = rng.shuffle([1, 2, 3]).map((k) => k * 40 + rng.int(0, 1) * 20);
        const spawns = names
          .map((n, i) => `${" ".repeat(18)}s.spawn(|| { sleep(ms(${waits[i]})); println!("${n} done"); });`)
          .join("\n");
        const block = rust(`
          use std::thread::{self, sleep};
          use std::time::Duration;
          fn ms(n: u64) -> Duration { Duration::from_millis(n) }

          fn main() {
              thread::scope(|s| {
${spawns}
                  println!("all spawned");
              });
              println!("scope over");
          }`);
        const byWait = names.map((n, i) => ({ n, w: waits[i] ?? 0 })).sort((x, y) => x.w - y.w);
        return {
          type: "order",
          prompt: "Put the printed lines in order. Each sleep is the only thing that takes time.",
          code: block,
          lines: [
            {
              text: "all spawned",
              explanation:
                "spawn returns at once, so the main thread prints this at about 0 ms while every worker is still sleeping.",
            },
            ...byWait.map(({ n, w }) => ({
              text: `${n} done`,
              explanation: `${n} sleeps ${w} ms, so it prints at about ${w} ms: the threads run at the same time and finish in order of their sleeps, not of their spawns.`,
            })),
            {
              text: "scope over",
              explanation:
                "thread::scope joins every thread it spawned before returning, so this comes after the slowest worker.",
            },
          ],
        };
      },
    },
    {
      id: "join-in-order",
      generate: (rng) => {
        const names = rng.sample(WORKERS, 3);
        const waits = rng.shuffle([1, 2, 3]).map((k) => k * 50);
        const spawns = names
          .map(
            (n, i) =>
              `${" ".repeat(14)}let h${i} = thread::spawn(|| { sleep(ms(${waits[i]})); println!("${n} finished"); });`,
          )
          .join("\n");
        const joins = names
          .map((n, i) => `${" ".repeat(14)}h${i}.join().unwrap(); println!("joined ${n}");`)
          .join("\n");
        const block = rust(`
          use std::thread::{self, sleep};
          use std::time::Duration;
          fn ms(n: u64) -> Duration { Duration::from_millis(n) }

          fn main() {
${spawns}
${joins}
          }`);
        type Event = { text: string; at: number; kind: number; i: number; explanation: string };
        const events: Event[] = [];
        let joinedAt = 0;
        names.forEach((n, i) => {
          const w = waits[i] ?? 0;
          joinedAt = Math.max(joinedAt, w);
          events.push({
            text: `${n} finished`,
            at: w,
            kind: 0,
            i,
            explanation: `${n}'s thread prints after its own ${w} ms sleep, whatever the main thread is doing.`,
          });
          events.push({
            text: `joined ${n}`,
            at: joinedAt,
            kind: 1,
            i,
            explanation: `join() returns once ${n} has finished${joinedAt > w ? ` — but the main thread only gets to this join after the earlier joins, at about ${joinedAt} ms` : ` (about ${w} ms)`}.`,
          });
        });
        events.sort((x, y) => x.at - y.at || x.kind - y.kind || x.i - y.i);
        return {
          type: "order",
          prompt: "Put the printed lines in order. Each sleep is the only thing that takes time.",
          code: block,
          lines: events.map(({ text, explanation }) => ({ text, explanation })),
        };
      },
    },
  ],
});

export const joinHandleBasics = defineItem({
  id: "joinhandle-basics",
  concepts: ["threads-joinhandle"],
  exercises: ["rust/threads-join"],
  variants: [
    {
      id: "never-joined",
      generate: (rng) => {
        const name = rng.pick(WORKERS);
        const wait = rng.pick([50, 100, 200]);
        return {
          type: "single",
          prompt: "What does this program print?",
          code: rust(`
            use std::{thread, time::Duration};

            fn main() {
                thread::spawn(|| {
                    thread::sleep(Duration::from_millis(${wait}));
                    println!("${name}: finished");
                });
                println!("main: returning");
            }`),
          options: [
            opt(
              'Only "main: returning".',
              true,
              `The handle is dropped without join(). When main returns the whole process exits, and ${name}'s thread dies mid-sleep.`,
            ),
            opt(
              `"main: returning", then "${name}: finished" after ${wait} ms.`,
              false,
              "Rust does not wait for spawned threads at exit (unlike non-daemon threads in Java). Keep the JoinHandle and call join() to wait.",
            ),
            opt(
              `"${name}: finished", then "main: returning".`,
              false,
              "spawn does not block the caller, and the worker sleeps first, so main is far ahead of it.",
            ),
            opt(
              "It does not compile: the JoinHandle must be used.",
              false,
              "Dropping a JoinHandle detaches the thread; that is allowed (at most a lint warns about an unused result elsewhere).",
            ),
          ],
        };
      },
    },
    {
      id: "panic-join",
      generate: (rng) => {
        const name = rng.pick(WORKERS);
        return {
          type: "single",
          prompt: `The thread below panics. What happens in \`main\`?`,
          code: rust(`
            use std::thread;

            fn main() {
                let handle = thread::spawn(|| -> u32 { panic!("${name} hit a bug") });
                match handle.join() {
                    Ok(v) => println!("got {v}"),
                    Err(_) => println!("${name} failed"),
                }
                println!("main carries on");
            }`),
          options: [
            opt(
              `The panic message appears on stderr, then "${name} failed" and "main carries on".`,
              true,
              "A panic unwinds only its own thread. join() hands it to the joiner as Err(payload), so main decides what to do.",
            ),
            opt(
              "The whole process aborts immediately when the thread panics.",
              false,
              "With the default panic=unwind, a panic ends only the thread it happened in.",
            ),
            opt(
              "join() blocks forever because the thread never returned a value.",
              false,
              "The thread did end (by unwinding); join() returns as soon as it has.",
            ),
            opt(
              'join() returns Ok(0) and main prints "got 0".',
              false,
              "A panicked thread has no return value; join() reports the panic as Err.",
            ),
          ],
        };
      },
    },
    {
      id: "return-value",
      generate: (rng) => {
        const n = rng.pick([10, 20, 50, 100]);
        const sum = (n * (n + 1)) / 2;
        return {
          type: "single",
          prompt: "What is printed?",
          code: rust(`
            use std::thread;

            fn main() {
                let handle = thread::spawn(|| (1..=${n}u64).sum::<u64>());
                let total = handle.join().unwrap();
                println!("{total}");
            }`),
          options: [
            opt(
              String(sum),
              true,
              `The closure's return value travels through JoinHandle<u64>: join() gives Ok(${sum}), the sum 1 + 2 + … + ${n}.`,
            ),
            opt(String(sum - n), false, `That would be 1..${n} (exclusive). 1..=${n} includes ${n}.`),
            opt("()", false, "A thread's closure may return any Send value; join() hands it back, so total is a u64."),
            opt(
              "Nothing: it does not compile, threads cannot return values.",
              false,
              "thread::spawn is generic over the closure's return type T and returns JoinHandle<T>.",
            ),
          ],
        };
      },
    },
  ],
});

export const stackVsTask = defineItem({
  id: "stack-vs-task",
  concepts: ["stack-vs-task-cost"],
  exercises: ["rust/async-vs-threads", "rust/download-many"],
  variants: [
    {
      id: "thousand-threads",
      generate: (rng) => {
        const n = rng.pick([1000, 2000, 4000]);
        const gib = (n * 2) / 1024;
        return {
          type: "single",
          prompt: `On Linux, a Rust program spawns ${n} threads with the default 2 MiB stack; each thread just blocks on a channel. How much **resident** memory do the stacks use, roughly?`,
          options: [
            opt(
              "Tens of MiB: only the stack pages a thread actually touches become resident.",
              true,
              "2 MiB is reserved address space per thread. The kernel backs pages only when they are used, so an idle thread costs a few pages plus kernel bookkeeping.",
            ),
            opt(
              `About ${gib.toFixed(gib < 10 ? 1 : 0)} GiB (${n} × 2 MiB).`,
              false,
              "That multiplies reserved address space, not RAM. The claim that 1000 threads need 2 GB of RAM is a common slip: the reservation is virtual.",
            ),
            opt(
              "Nothing at all: blocked threads are swapped out.",
              false,
              "Blocked threads still own their touched stack pages and kernel structures; they are small, not zero.",
            ),
            opt(
              "The program cannot start more than about 1000 threads.",
              false,
              "Linux allows many thousands of threads per process; the practical limits are pid/thread caps and address space.",
            ),
          ],
        };
      },
    },
    {
      id: "tasks",
      generate: (rng) => {
        const n = rng.pick([10_000, 50_000, 100_000]);
        return {
          type: "single",
          prompt: `A tokio program spawns ${n.toLocaleString("en")} tasks that each await a timer. What does one such task cost in memory?`,
          options: [
            opt(
              "About the size of its future's state (often hundreds of bytes to a few KiB), allocated once on the heap.",
              true,
              "An async fn compiles to a state machine holding the locals alive across .await. A spawned task stores that struct plus a small header; no stack is reserved.",
            ),
            opt(
              "A 2 MiB stack each, like a thread.",
              false,
              "Tasks have no stack of their own; they borrow the worker thread's stack only while being polled.",
            ),
            opt(
              "One OS thread each.",
              false,
              "tokio::spawn queues a task on the runtime's existing worker threads; it never creates an OS thread per task.",
            ),
            opt(
              "Nothing until the timer fires.",
              false,
              "The task exists from spawn on: its state machine is allocated immediately and registered with the timer.",
            ),
          ],
        };
      },
    },
    {
      id: "reserved",
      generate: (rng) => {
        const n = rng.pick([100, 250, 500, 800]);
        const s = rng.pick([1, 2, 4, 8]);
        return {
          type: "numeric",
          prompt: `A program creates ${n} threads with \`thread::Builder::new().stack_size(${s} * 1024 * 1024)\`. How many MiB of **address space** are reserved for their stacks (not RAM)?`,
          numeric: {
            answer: n * s,
            tolerance: Math.max(1, Math.round(n * s * 0.05)),
            unit: "MiB",
            explanation: `${n} × ${s} MiB = ${n * s} MiB of reserved address space. Reserving is cheap on 64-bit systems; resident memory grows only with the pages each stack really touches, usually a few KiB.`,
            misconceptions: [
              { value: s, explanation: `${s} MiB is one thread's reservation; every thread gets its own stack.` },
            ],
          },
        };
      },
    },
  ],
});
