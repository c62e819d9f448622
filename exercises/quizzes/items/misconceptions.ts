// Misconceptions about sharing: "a Mutex needs an Arc", "parallel is always faster".
import { compileOptions, defineItem, opt, type OptionInput, rust } from "../define.ts";
import type { CompileOutcome } from "../schema.ts";

const COUNTERS = ["hits", "visits", "errors", "retries", "misses"];

/** Does-it-compile options for a Mutex shared with threads; `why` explains the claim's option. */
function mutexChoices(name: string, claim: CompileOutcome, why: string) {
  const choices = {
    compiles: {
      text: "It compiles.",
      explanation:
        "It would compile if every thread could be sure the Mutex outlives it: a static, a scope that joins the threads, or an Arc each thread owns a share of.",
    },
    E0373: {
      text: `error[E0373]: closure may outlive the current function, but it borrows \`${name}\``,
      explanation:
        "E0373 is thread::spawn refusing a closure that borrows a local: the thread may run after the function that owns the local has returned.",
    },
    E0382: {
      text: `error[E0382]: \`${name}\` used after it was moved`,
      explanation: `E0382 appears when ${name} is moved into one closure and then used again, for example by the next loop iteration.`,
    },
    E0277: {
      text: "error[E0277]: `Mutex<u32>` cannot be shared between threads safely",
      explanation:
        "Tempting, because tutorials pair Mutex with Arc, but Mutex<T> is Sync whenever T is Send: sharing it is exactly what it is for. Arc solves ownership (who keeps it alive), not thread safety.",
    },
  };
  return compileOptions(claim, {
    ...choices,
    [claim]: { ...choices[claim as keyof typeof choices], explanation: why },
  });
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
            opt(
              `(2), about ${cores} times faster, since it uses all ${cores} cores.`,
              false,
              'The intuition "parallel = faster" ignores the fixed cost of coordinating threads. Speed-up is at best the number of cores times the work, minus the overhead; here the overhead is almost everything.',
            ),
            opt(
              "They take the same time: rayon notices small inputs and runs them sequentially.",
              false,
              "rayon splits adaptively, but a par_iter call from outside the pool still injects a job into the pool and blocks until a worker completes it; that round trip is never free.",
            ),
            opt(
              "(2) fails to compile: par_iter needs at least as many items as cores.",
              false,
              "par_iter works on any length, even zero. The problem is speed, not correctness.",
            ),
          ],
        };
      },
    },
    {
      id: "when-pays-off",
      generate: (rng) => {
        const cores = rng.pick([4, 8]);
        const pool: OptionInput[] = [
          opt(
            "Squaring and summing 50 million u64s.",
            true,
            "Tens of milliseconds of CPU split into big chunks: the microseconds of coordination vanish next to it.",
          ),
          opt(
            "Resizing 400 photos, each about 30 ms of CPU.",
            true,
            "Each item is far larger than rayon's per-job cost, and there are many more items than cores.",
          ),
          opt(
            `Hashing ${cores} large files already in memory, each about 2 s of CPU.`,
            true,
            `Few items, but each is huge: ${cores} cores can work on them at once.`,
          ),
          opt(
            "Summing 10 integers.",
            false,
            "Nanoseconds of work against microseconds of waking threads and joining results: the plain loop wins.",
          ),
          opt(
            "Upper-casing 16 short strings.",
            false,
            "Again tiny work per item; splitting it across threads costs more than doing it.",
          ),
          opt(
            "Adding 100,000 numbers into one shared Mutex<u64>, locking it once per number.",
            false,
            "Tempting because there is a lot of work, but every item needs the same lock, so the threads take turns and fight over it: often slower than the plain loop. Give each thread its own partial sum (.sum() or .reduce()) and combine at the end.",
          ),
        ];
        const yes = rng.sample(
          pool.filter((o) => o.correct),
          2,
        );
        const no = rng.sample(
          pool.filter((o) => !o.correct),
          2,
        );
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
            opt(
              "par_iter copies the Vec into every thread first.",
              false,
              "rayon borrows the slice and gives each worker a sub-range; nothing is copied. The cost is coordination, not copying.",
            ),
            opt(
              "The threads race on the sum, and retrying lost updates is slow.",
              false,
              "Each piece keeps its own partial sum and rayon combines them; there is no shared accumulator to race on.",
            ),
            opt(
              "The benchmark must be wrong: parallel code cannot be slower than sequential code.",
              false,
              "It can, and here it is expected. More threads add coordination work; they only help when there is enough real work to split.",
            ),
          ],
        };
      },
    },
  ],
});
