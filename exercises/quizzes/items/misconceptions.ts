// Misconceptions about sharing and waiting: "a Mutex needs an Arc", "parallel is always faster",
// "safe Rust has no races", "SeqCst makes two steps one", "the lock is held only for pop()",
// "wait() returns only when notified", "forEach awaits its async callback".
import { compileOptions, defineItem, lineOption, opt, type OptionInput, rust, ts } from "../define.ts";
import type { Rng } from "../rng.ts";
import type { CompileOutcome } from "../schema.ts";

const COUNTERS = ["hits", "visits", "errors", "retries", "misses"];

/** Does-it-compile options for a Mutex shared with threads; `why` explains the claim's option. */
function mutexChoices(name: string, claim: CompileOutcome, why: string) {
  const choices = {
    compiles: { text: "It compiles.", explanation: "It would compile if every thread could be sure the Mutex outlives it: a static, a scope that joins the threads, or an Arc each thread owns a share of." },
    E0373: {
      text: `error[E0373]: closure may outlive the current function, but it borrows \`${name}\``,
      explanation: "E0373 is thread::spawn refusing a closure that borrows a local: the thread may run after the function that owns the local has returned.",
    },
    E0382: { text: `error[E0382]: \`${name}\` used after it was moved`, explanation: `E0382 appears when ${name} is moved into one closure and then used again, for example by the next loop iteration.` },
    E0277: {
      text: "error[E0277]: `Mutex<u32>` cannot be shared between threads safely",
      explanation: "Tempting, because tutorials pair Mutex with Arc, but Mutex<T> is Sync whenever T is Send: sharing it is exactly what it is for. Arc solves ownership (who keeps it alive), not thread safety.",
    },
  };
  return compileOptions(claim, { ...choices, [claim]: { ...choices[claim as keyof typeof choices], explanation: why } });
}

export const mutexWithoutArc = defineItem({
  id: "mutex-without-arc",
  concepts: ["mutex-refcell", "send-sync"],
  exercises: ["rust/shared-counter", "rust/threads-join"],
  variants: [
    {
      id: "spawn-borrows",
      generate: (rng) => {
        const name = rng.pick(COUNTERS);
        const n = rng.int(2, 5);
        const step = rng.int(1, 3);
        return {
          type: "compiles",
          prompt: "Does this compile?",
          code: rust(`
            use std::sync::Mutex;
            use std::thread;

            fn main() {
                let ${name} = Mutex::new(0u32);
                let mut handles = Vec::new();
                for _ in 0..${n} {
                    handles.push(thread::spawn(|| *${name}.lock().unwrap() += ${step}));
                }
                for h in handles { h.join().unwrap(); }
                println!("{}", ${name}.lock().unwrap());
            }`),
          claim: "E0373",
          options: mutexChoices(
            name,
            "E0373",
            `thread::spawn needs a 'static closure because nothing forces the thread to end before main's ${name} is dropped (the joins come later, and the compiler does not reason about them). The Mutex itself is fine to share; what fails is lending it to a thread that might outlive it. thread::scope, a static, or Arc fixes it.`,
          ),
        };
      },
    },
    {
      id: "spawn-moves",
      generate: (rng) => {
        const name = rng.pick(COUNTERS);
        const n = rng.int(2, 5);
        const step = rng.int(1, 3);
        return {
          type: "compiles",
          prompt: "Does this compile?",
          code: rust(`
            use std::sync::Mutex;
            use std::thread;

            fn main() {
                let ${name} = Mutex::new(0u32);
                let mut handles = Vec::new();
                for _ in 0..${n} {
                    handles.push(thread::spawn(move || *${name}.lock().unwrap() += ${step}));
                }
                for h in handles { h.join().unwrap(); }
                println!("{}", ${name}.lock().unwrap());
            }`),
          claim: "E0382",
          options: mutexChoices(
            name,
            "E0382",
            `move fixes the borrow but moves the one Mutex into the first thread's closure; the next iteration (and the final println!) use a moved value. Several owners of one Mutex is what Arc<Mutex<u32>> with an Arc::clone per thread provides — or borrow it from thread::scope.`,
          ),
        };
      },
    },
    {
      id: "scoped",
      generate: (rng) => {
        const name = rng.pick(COUNTERS);
        const n = rng.int(2, 5);
        const step = rng.int(1, 3);
        return {
          type: "compiles",
          prompt: "Does this compile?",
          code: rust(`
            use std::sync::Mutex;
            use std::thread;

            fn main() {
                let ${name} = Mutex::new(0u32);
                thread::scope(|s| {
                    for _ in 0..${n} {
                        s.spawn(|| *${name}.lock().unwrap() += ${step});
                    }
                });
                println!("{}", ${name}.lock().unwrap());
            }`),
          claim: "compiles",
          options: mutexChoices(
            name,
            "compiles",
            `thread::scope joins every thread it spawned before it returns, so the threads may borrow ${name}; Mutex<u32> is Sync, so ${n} threads can share &${name}. No Arc is needed — Arc is for when no scope can promise the value outlives the threads. It prints ${n * step}.`,
          ),
        };
      },
    },
    {
      id: "static-mutex",
      generate: (rng) => {
        const name = rng.pick(COUNTERS).toUpperCase();
        const n = rng.int(2, 5);
        const step = rng.int(1, 3);
        return {
          type: "compiles",
          prompt: "Does this compile?",
          code: rust(`
            use std::sync::Mutex;
            use std::thread;

            static ${name}: Mutex<u32> = Mutex::new(0);

            fn main() {
                let mut handles = Vec::new();
                for _ in 0..${n} {
                    handles.push(thread::spawn(|| *${name}.lock().unwrap() += ${step}));
                }
                for h in handles { h.join().unwrap(); }
                println!("{}", ${name}.lock().unwrap());
            }`),
          claim: "compiles",
          options: mutexChoices(
            name,
            "compiles",
            `A static lives for the whole program, so a closure that borrows it is 'static and thread::spawn accepts it. Mutex::new is a const fn, so it can initialise a static, and Mutex<u32> is Sync. Arc was never what made a Mutex shareable — only a way to keep it alive.`,
          ),
        };
      },
    },
  ],
});

export const parIterOverhead = defineItem({
  id: "par-iter-overhead",
  concepts: ["rayon", "concurrency-vs-parallelism"],
  exercises: ["rust/rayon-sum"],
  variants: [
    {
      id: "tiny-sum",
      generate: (rng) => {
        const n = rng.int(4, 12);
        const values = Array.from({ length: n }, () => rng.int(1, 99));
        const cores = rng.pick([4, 8, 16]);
        return {
          type: "single",
          prompt: `On an idle ${cores}-core machine, which line is faster?`,
          code: rust(`
            use rayon::prelude::*;

            let v: Vec<u64> = vec![${values.join(", ")}];
            let a: u64 = v.iter().map(|x| x * x).sum();      // (1)
            let b: u64 = v.par_iter().map(|x| x * x).sum();  // (2)`),
          options: [
            opt(
              "(1), the plain iterator, by a wide margin.",
              true,
              `The whole job is ${n} multiplications and additions — a few nanoseconds. par_iter must hand work to rayon's pool, wake worker threads, split, and join the pieces back, which costs microseconds: hundreds of times more than the work it distributes. Parallelism pays only when each piece of work dwarfs that fixed cost.`,
            ),
            opt(`(2), about ${cores} times faster, since it uses all ${cores} cores.`, false, "The intuition \"parallel = faster\" ignores the fixed cost of coordinating threads. Speed-up is at best the number of cores times the work, minus the overhead; here the overhead is almost everything."),
            opt("They take the same time: rayon notices small inputs and runs them sequentially.", false, "rayon splits adaptively, but a par_iter call from outside the pool still injects a job into the pool and blocks until a worker completes it; that round trip is never free."),
            opt("(2) fails to compile: par_iter needs at least as many items as cores.", false, "par_iter works on any length, even zero. The problem is speed, not correctness."),
          ],
        };
      },
    },
    {
      id: "when-pays-off",
      generate: (rng) => {
        const cores = rng.pick([4, 8]);
        const pool: OptionInput[] = [
          opt("Squaring and summing 50 million u64s.", true, "Tens of milliseconds of CPU split into big chunks: the microseconds of coordination vanish next to it."),
          opt("Resizing 400 photos, each about 30 ms of CPU.", true, "Each item is far larger than rayon's per-job cost, and there are many more items than cores."),
          opt(`Hashing ${cores} large files already in memory, each about 2 s of CPU.`, true, `Few items, but each is huge: ${cores} cores can work on them at once.`),
          opt("Summing 10 integers.", false, "Nanoseconds of work against microseconds of waking threads and joining results: the plain loop wins."),
          opt("Upper-casing 16 short strings.", false, "Again tiny work per item; splitting it across threads costs more than doing it."),
          opt("Adding 100,000 numbers into one shared Mutex<u64>, locking it once per number.", false, "Tempting because there is a lot of work, but every item needs the same lock, so the threads take turns and fight over it: often slower than the plain loop. Give each thread its own partial sum (.sum() or .reduce()) and combine at the end."),
        ];
        const yes = rng.sample(pool.filter((o) => o.correct), 2);
        const no = rng.sample(pool.filter((o) => !o.correct), 2);
        return {
          type: "multi",
          prompt: `On an idle ${cores}-core machine, which of these get clearly faster when a sequential \`iter()\` is replaced by rayon's \`par_iter()\`? Select all that apply.`,
          options: [...yes, ...no],
        };
      },
    },
    {
      id: "benchmark-explained",
      generate: (rng) => {
        const n = rng.int(5, 9);
        const seq = rng.pick([20, 40, 60]);
        const par = rng.pick([8, 15, 30]);
        return {
          type: "single",
          prompt: `A benchmark over ${n} numbers: \`iter().map(f).sum()\` takes ${seq} ns, \`par_iter().map(f).sum()\` takes ${par} µs, where \`f\` is a couple of arithmetic operations. What explains the gap?`,
          options: [
            opt(
              "Handing the work to the thread pool, waking workers, splitting and combining costs microseconds; the work itself costs nanoseconds.",
              true,
              `That fixed cost is paid whatever the input size, so it dominates tiny inputs. Use par_iter when each call has milliseconds of work, or make the pieces bigger (with_min_len, chunks) so the overhead is spread over more work.`,
            ),
            opt("par_iter copies the Vec into every thread first.", false, "rayon borrows the slice and gives each worker a sub-range; nothing is copied. The cost is coordination, not copying."),
            opt("The threads race on the sum, and retrying lost updates is slow.", false, "Each piece keeps its own partial sum and rayon combines them; there is no shared accumulator to race on."),
            opt("The benchmark must be wrong: parallel code cannot be slower than sequential code.", false, "It can, and here it is expected. More threads add coordination work; they only help when there is enough real work to split."),
          ],
        };
      },
    },
  ],
});

/** The async lost update: one thread, no unsafe, yet deposits vanish. */
function depositBlock(get: string, set: string) {
  return rust(`
    async fn deposit(balance: Rc<Cell<u32>>, times: u32) {
        for _ in 0..times {
            let seen = balance.${get};
            sleep(Duration::from_millis(1)).await;
            balance.${set};
        }
    }`);
}

export const raceWithoutDataRace = defineItem({
  id: "race-without-data-race",
  concepts: ["data-races", "async-basics"],
  exercises: ["rust/shared-counter", "ts/shared-counter"],
  variants: [
    {
      id: "async-lost-update",
      generate: (rng) => {
        const tasks = rng.int(2, 4);
        const times = rng.int(3, 6);
        return {
          type: "numeric",
          prompt: "One thread, no `unsafe`, no data race possible. What does this print?",
          code: rust(`
            use std::cell::Cell;
            use std::rc::Rc;
            use tokio::time::{sleep, Duration};

            async fn deposit(balance: Rc<Cell<u32>>, times: u32) {
                for _ in 0..times {
                    let seen = balance.get();
                    sleep(Duration::from_millis(1)).await;
                    balance.set(seen + 1);
                }
            }

            #[tokio::main(flavor = "current_thread")]
            async fn main() {
                let balance = Rc::new(Cell::new(0));
                tokio::join!(
                    ${Array.from({ length: tasks }, () => `deposit(Rc::clone(&balance), ${times}),`).join(`\n${" ".repeat(20)}`)}
                );
                println!("{}", balance.get());
            }`),
          numeric: {
            answer: times,
            tolerance: 0.5,
            unit: "",
            explanation: `The ${tasks} tasks run in lockstep: in each round every task reads the same value, sleeps, and writes that value + 1, so each round adds 1 instead of ${tasks}: ${times}. This is a race condition (a lost update from read–await–write), not a data race: there is only one thread, so the compiler had nothing to forbid. Safe Rust rules out data races, not logic races.`,
            misconceptions: [{ value: tasks * times, explanation: `${tasks * times} assumes that code without threads, or code the compiler accepts, cannot lose updates. Every .await is a point where another task can run between this task's read and its write.` }],
          },
        };
      },
    },
    {
      id: "which-line-async",
      generate: (rng) => {
        const [get, set] = rng.pick([
          ["get()", "set(seen + 1)"],
          ["get()", "replace(seen + 1)"],
        ] as const);
        const block = depositBlock(get, set);
        return {
          type: "race-line",
          prompt: "Several `deposit` tasks share one balance inside `tokio::join!` on a single thread, and deposits get lost. On which line can another task run between this task's read and its write?",
          code: block,
          options: [
            lineOption(block, ".await", true, "Every .await is a place where the task may yield and the runtime may run another task. Another deposit reads the same old value here, and both write back seen + 1. Keep read and write with no .await in between (or hold an async lock across it)."),
            lineOption(block, `balance.${get}`, false, "The read alone is harmless; the damage comes when a stale copy is written back after others have written."),
            lineOption(block, `balance.${set}`, false, "This is where the stale value lands, but it is not where others get in: the write itself runs without interruption, since nothing preempts a task between awaits."),
            lineOption(block, "for _ in 0..times", false, "The loop counter is local to each task; nothing shared is touched."),
          ],
        };
      },
    },
    {
      id: "compiler-prevents",
      generate: (rng) => {
        const pool: OptionInput[] = [
          opt("Two threads incrementing the same plain `u64` through shared references, with no lock or atomic.", true, "That is a data race. Mutating through & requires interior mutability, and the non-atomic kinds (Cell, RefCell) are not Sync, so the compiler refuses (E0277)."),
          opt("Moving an `Rc` into a spawned thread.", true, "Rc's count is updated without atomics; two threads updating it would be a data race, so Rc is not Send and spawn rejects it (E0277)."),
          opt("Two threads pushing to one `Vec` through `&mut` handed to both.", true, "Two live &mut to one value never compile; that rule is what makes data races impossible in safe Rust."),
          opt("A lost update from locking once to read a balance and again to write it.", false, "Every access is under the lock, so there is no data race and nothing for the compiler to reject — yet another thread can write between the two locks. A race condition is a logic error."),
          opt("A deadlock from two threads taking two mutexes in opposite order.", false, "Deadlocks are perfectly safe as far as the type system is concerned; lock order is the program's job."),
          opt("Two threads both seeing `false` in an `AtomicBool` and both proceeding (check-then-act).", false, "Each atomic operation is fine on its own; the check and the act are two steps. Use compare_exchange to make them one."),
          opt("A lost update in single-threaded async code that awaits between reading and writing a `Cell`.", false, "No second thread, so no data race at all; the .await lets another task in between the read and the write."),
        ];
        const yes = rng.sample(pool.filter((o) => o.correct), 2);
        const no = rng.sample(pool.filter((o) => !o.correct), 3);
        return {
          type: "multi",
          prompt: "Safe Rust is often said to prevent races. Which of these does the compiler actually reject? Select all that apply.",
          options: [...yes, ...no],
        };
      },
    },
  ],
});

function reserveCode(limit: number, ordering: string) {
  return rust(`
    use std::sync::atomic::{AtomicU32, Ordering::${ordering}};

    static SLOTS: AtomicU32 = AtomicU32::new(0);

    fn try_reserve() -> bool {
        if SLOTS.load(${ordering}) < ${limit} {
            SLOTS.fetch_add(1, ${ordering});
            true
        } else {
            false
        }
    }`);
}

export const orderingNotAtomicity = defineItem({
  id: "ordering-not-atomicity",
  concepts: ["atomics", "data-races"],
  exercises: ["rust/shared-counter", "ts/shared-counter"],
  variants: [
    {
      id: "how-high",
      generate: (rng) => {
        const limit = rng.pick([5, 10, 100]);
        const threads = rng.int(3, 8);
        const worst = limit - 1 + threads;
        return {
          type: "numeric",
          prompt: `${threads} threads each call \`try_reserve\` in a loop until it returns false. In the worst interleaving, how high can \`SLOTS\` end up?`,
          code: reserveCode(limit, "SeqCst"),
          numeric: {
            answer: worst,
            tolerance: 0.5,
            unit: "",
            explanation: `Suppose SLOTS is ${limit - 1}. All ${threads} threads can load ${limit - 1}, all pass the check, and all add 1: ${limit - 1} + ${threads} = ${worst}. Each operation is atomic; the pair is not. Use fetch_update (or a compare_exchange loop) so the check and the increment happen as one step.`,
            misconceptions: [{ value: limit, explanation: `${limit} assumes that atomic operations with SeqCst make the whole if-block atomic. SeqCst orders single operations; other threads can still act between the load and the fetch_add.` }],
          },
        };
      },
    },
    {
      id: "seqcst-fix",
      generate: (rng) => {
        const limit = rng.pick([5, 10, 100]);
        return {
          type: "single",
          prompt: `\`SLOTS\` sometimes ends above ${limit}. A colleague proposes changing \`Relaxed\` to \`SeqCst\` everywhere. Does that fix it?`,
          code: reserveCode(limit, "Relaxed"),
          options: [
            opt(
              "No: ordering decides what other memory a thread sees around each operation; it never fuses the load and the fetch_add into one step.",
              true,
              `Two threads can still both load ${limit - 1} before either adds. The fix is a single read-modify-write: SLOTS.fetch_update(SeqCst, SeqCst, |n| (n < ${limit}).then_some(n + 1)).is_ok().`,
            ),
            opt("Yes: SeqCst makes the threads execute these atomic operations one at a time, in program order.", false, "Tempting, since \"sequentially consistent\" sounds like \"one after another\". It gives all SeqCst operations one global order, but another thread's operations can still land between this thread's load and its add."),
            opt("Only on weakly ordered CPUs such as ARM; on x86 the overshoot cannot happen in the first place.", false, "Tempting if you have heard that x86 is strongly ordered. The overshoot has nothing to do with the hardware's memory model: it happens on every CPU, because the check and the increment are separate steps."),
            opt("No: atomics cannot enforce a limit at all; only a Mutex can.", false, "A Mutex works, but one atomic read-modify-write (fetch_update or compare_exchange) enforces the limit without a lock."),
          ],
        };
      },
    },
    {
      id: "relaxed-counter",
      generate: (rng) => {
        const threads = rng.pick([4, 8]);
        const k = rng.pick([1000, 10_000]);
        return {
          type: "single",
          prompt: `${threads} threads each run \`hits.fetch_add(1, Ordering::Relaxed)\` ${k} times; after joining them all, main reads \`hits\`. Can it be less than ${threads * k}?`,
          options: [
            opt(
              "No: fetch_add is one indivisible read-modify-write whatever the ordering, so no increment is lost.",
              true,
              "Relaxed gives up ordering guarantees about other memory (it cannot publish data that another thread then reads through a flag; that needs Release/Acquire), not atomicity. Joining the threads makes the final value visible to main.",
            ),
            opt("Yes: Relaxed lets the CPU skip some increments when threads collide.", false, "Tempting, because \"relaxed\" sounds like \"less atomic\". Atomicity is the same for every ordering; lost increments come from a separate load and store, not from Relaxed."),
            opt("Yes, unless main reads it with SeqCst.", false, "After join() the total is complete and visible; the read's ordering changes nothing here."),
            opt("It does not compile: fetch_add requires SeqCst.", false, "Every ordering is allowed for read-modify-write operations."),
          ],
        };
      },
    },
    {
      id: "which-fixes",
      generate: (rng) => {
        const limit = rng.pick([5, 10, 100]);
        return {
          type: "multi",
          prompt: `Which versions of \`try_reserve\` guarantee that \`SLOTS\` never exceeds ${limit}, however many threads call it? Select all that apply.`,
          options: [
            opt(`SLOTS.fetch_update(SeqCst, SeqCst, |n| (n < ${limit}).then_some(n + 1)).is_ok()`, true, "fetch_update retries a compare_exchange until the value it checked is still the value it replaces, so check and increment act as one step."),
            opt(`A Mutex<u32> locked once around both the check and the increment.`, true, "Holding one guard across both steps makes them one critical section."),
            opt("The same load-then-fetch_add, with SeqCst instead of Relaxed.", false, "Stronger ordering does not join two operations; the gap between them remains."),
            opt(`Load, check < ${limit}, fetch_add, then load again and fetch_sub if it is now above ${limit}.`, false, "Between the fetch_add and the correction, other threads see the overshoot and may refuse or act on it; a second check only shrinks the window of the first."),
            opt(`Check with SLOTS.load() < ${limit} twice in a row before adding.`, false, "Two checks are still checks: every thread can pass both before any of them adds."),
          ],
        };
      },
    },
  ],
});

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
            misconceptions: [{ value: 0, explanation: "0 assumes the lock is released as soon as pop() returns, as it would at the end of a let statement. In a while let (or match, or if let) condition the guard lives through the whole block." }],
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
            explanation: "The guard is a temporary of the let statement, dropped at its semicolon: the job has been taken out and the lock released before any processing starts. try_lock always succeeds (and its own guard is dropped at once): 0. This is the way to pop from a shared queue.",
            misconceptions: [{ value: count, explanation: `${count} is what a while let Some(job) = queue.lock().unwrap().pop() loop would give, since a condition's temporaries live through the body. Here the pop is its own statement.` }],
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
            misconceptions: [{ value: answer / workers, explanation: `${answer / workers} ms is ${workers} workers in parallel, which happens only if the lock is released right after pop(). Here the guard outlives the pop.` }],
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
            compiles: { text: "It compiles.", explanation: "Tempting if you picture wait() as pausing while the guard stays in your hands. wait takes the guard by value." },
            E0382: {
              text: "error[E0382]: borrow of moved value `guard`",
              explanation: "wait(guard) moves the guard in, unlocks the mutex while sleeping, and hands back a new guard once it has re-locked. This code throws that guard away and then reads the moved one. Write guard = signal.wait(guard).unwrap(); inside a while loop that re-checks the flag.",
            },
            E0373: { text: "error[E0373]: closure may outlive the current function", explanation: "Scoped threads may borrow locals: thread::scope joins them before returning." },
            E0277: { text: "error[E0277]: `Condvar` cannot be shared between threads safely", explanation: "Condvar is Sync; it exists to be shared between threads alongside its Mutex." },
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
              explanation: "wait consumes the guard and returns the re-locked one, which is assigned back. The while loop is the correct pattern: it handles a notify that came before the wait (the flag is already true) and spurious wake-ups (the flag is still false). Condvar::wait_while does the same.",
            },
            E0382: { text: "error[E0382]: use of moved value `guard`", explanation: "guard is moved into wait, but the returned guard is assigned back to it before the next use, so every use sees a live value." },
            E0373: { text: "error[E0373]: closure may outlive the current function", explanation: "Scoped threads may borrow locals: thread::scope joins them before returning." },
            E0277: { text: "error[E0277]: `Condvar` cannot be shared between threads safely", explanation: "Condvar is Sync; it exists to be shared between threads alongside its Mutex." },
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
              "A Condvar carries no message — only \"something may have changed\". The state lives in the mutex-protected value, and the loop is how the waiter asks it.",
            ),
            opt("A single wait would keep the mutex locked while sleeping, so the notifier could never set the flag.", false, "wait always releases the mutex while sleeping and re-locks it before returning, loop or no loop."),
            opt("notify_one wakes exactly one waiter exactly when the condition holds, so an if would work too; the loop is just style.", false, "Tempting, since that is what notify seems to promise. But wake-ups can be spurious, and another thread may grab the lock and change the state before the woken waiter gets it."),
            opt("The loop makes the waiting thread spin, so it reacts faster than sleeping would.", false, "The loop body is a wait: the thread sleeps inside it. It only goes round again after a wake-up."),
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
            { text: "forEach returned", explanation: "forEach calls each async callback and ignores the promise it returns: it does not await anything, so it returns at once, before any save." },
            ...byTime.map((j) => ({ text: `${j.name} saved`, explanation: `The three saves run concurrently; ${j.name}'s ${j.ms} ms timer decides when it logs. Nothing waits for them — use for…of with await (one at a time) or Promise.all(jobs.map(…)) (together).` })),
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
            { text: "all saved", explanation: `The loop finishes after all the sleeps, one after another: ${jobs.map((j) => j.ms).join(" + ")} = ${jobs.reduce((s, j) => s + j.ms, 0)} ms.` },
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
            ...byTime.map((j) => ({ text: `${j.name} saved`, explanation: `map starts every save at once and the timers overlap, so ${j.name} logs after its ${j.ms} ms — in order of duration, not of the array.` })),
            { text: "all saved", explanation: `Promise.all waits for every promise map returned, so this comes last, after the slowest (${byTime.at(-1)?.ms} ms).` },
          ],
        };
      },
    },
  ],
});
