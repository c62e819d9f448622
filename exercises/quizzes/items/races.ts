// Races that are not data races: "safe Rust has no races" (an async lost update on one
// thread), "SeqCst makes two steps one".
import { defineItem, lineOption, opt, type OptionInput, rust } from "../define.ts";

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
            misconceptions: [
              {
                value: tasks * times,
                explanation: `${tasks * times} assumes that code without threads, or code the compiler accepts, cannot lose updates. Every .await is a point where another task can run between this task's read and its write.`,
              },
            ],
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
          prompt:
            "Several `deposit` tasks share one balance inside `tokio::join!` on a single thread, and deposits get lost. On which line can another task run between this task's read and its write?",
          code: block,
          options: [
            lineOption(
              block,
              ".await",
              true,
              "Every .await is a place where the task may yield and the runtime may run another task. Another deposit reads the same old value here, and both write back seen + 1. Keep read and write with no .await in between (or hold an async lock across it).",
            ),
            lineOption(
              block,
              `balance.${get}`,
              false,
              "The read alone is harmless; the damage comes when a stale copy is written back after others have written.",
            ),
            lineOption(
              block,
              `balance.${set}`,
              false,
              "This is where the stale value lands, but it is not where others get in: the write itself runs without interruption, since nothing preempts a task between awaits.",
            ),
            lineOption(
              block,
              "for _ in 0..times",
              false,
              "The loop counter is local to each task; nothing shared is touched.",
            ),
          ],
        };
      },
    },
    {
      id: "compiler-prevents",
      generate: (rng) => {
        const pool: OptionInput[] = [
          opt(
            "Two threads incrementing the same plain `u64` through shared references, with no lock or atomic.",
            true,
            "That is a data race. Mutating through & requires interior mutability, and the non-atomic kinds (Cell, RefCell) are not Sync, so the compiler refuses (E0277).",
          ),
          opt(
            "Moving an `Rc` into a spawned thread.",
            true,
            "Rc's count is updated without atomics; two threads updating it would be a data race, so Rc is not Send and spawn rejects it (E0277).",
          ),
          opt(
            "Two threads pushing to one `Vec` through `&mut` handed to both.",
            true,
            "Two live &mut to one value never compile; that rule is what makes data races impossible in safe Rust.",
          ),
          opt(
            "A lost update from locking once to read a balance and again to write it.",
            false,
            "Every access is under the lock, so there is no data race and nothing for the compiler to reject — yet another thread can write between the two locks. A race condition is a logic error.",
          ),
          opt(
            "A deadlock from two threads taking two mutexes in opposite order.",
            false,
            "Deadlocks are perfectly safe as far as the type system is concerned; lock order is the program's job.",
          ),
          opt(
            "Two threads both seeing `false` in an `AtomicBool` and both proceeding (check-then-act).",
            false,
            "Each atomic operation is fine on its own; the check and the act are two steps. Use compare_exchange to make them one.",
          ),
          opt(
            "A lost update in single-threaded async code that awaits between reading and writing a `Cell`.",
            false,
            "No second thread, so no data race at all; the .await lets another task in between the read and the write.",
          ),
        ];
        const yes = rng.sample(
          pool.filter((o) => o.correct),
          2,
        );
        const no = rng.sample(
          pool.filter((o) => !o.correct),
          3,
        );
        return {
          type: "multi",
          prompt:
            "Safe Rust is often said to prevent races. Which of these does the compiler actually reject? Select all that apply.",
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
            misconceptions: [
              {
                value: limit,
                explanation: `${limit} assumes that atomic operations with SeqCst make the whole if-block atomic. SeqCst orders single operations; other threads can still act between the load and the fetch_add.`,
              },
            ],
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
            opt(
              "Yes: SeqCst makes the threads execute these atomic operations one at a time, in program order.",
              false,
              'Tempting, since "sequentially consistent" sounds like "one after another". It gives all SeqCst operations one global order, but another thread\'s operations can still land between this thread\'s load and its add.',
            ),
            opt(
              "Only on weakly ordered CPUs such as ARM; on x86 the overshoot cannot happen in the first place.",
              false,
              "Tempting if you have heard that x86 is strongly ordered. The overshoot has nothing to do with the hardware's memory model: it happens on every CPU, because the check and the increment are separate steps.",
            ),
            opt(
              "No: atomics cannot enforce a limit at all; only a Mutex can.",
              false,
              "A Mutex works, but one atomic read-modify-write (fetch_update or compare_exchange) enforces the limit without a lock.",
            ),
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
            opt(
              "Yes: Relaxed lets the CPU skip some increments when threads collide.",
              false,
              'Tempting, because "relaxed" sounds like "less atomic". Atomicity is the same for every ordering; lost increments come from a separate load and store, not from Relaxed.',
            ),
            opt(
              "Yes, unless main reads it with SeqCst.",
              false,
              "After join() the total is complete and visible; the read's ordering changes nothing here.",
            ),
            opt(
              "It does not compile: fetch_add requires SeqCst.",
              false,
              "Every ordering is allowed for read-modify-write operations.",
            ),
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
            opt(
              `SLOTS.fetch_update(SeqCst, SeqCst, |n| (n < ${limit}).then_some(n + 1)).is_ok()`,
              true,
              "fetch_update retries a compare_exchange until the value it checked is still the value it replaces, so check and increment act as one step.",
            ),
            opt(
              `A Mutex<u32> locked once around both the check and the increment.`,
              true,
              "Holding one guard across both steps makes them one critical section.",
            ),
            opt(
              "The same load-then-fetch_add, with SeqCst instead of Relaxed.",
              false,
              "Stronger ordering does not join two operations; the gap between them remains.",
            ),
            opt(
              `Load, check < ${limit}, fetch_add, then load again and fetch_sub if it is now above ${limit}.`,
              false,
              "Between the fetch_add and the correction, other threads see the overshoot and may refuse or act on it; a second check only shrinks the window of the first.",
            ),
            opt(
              `Check with SLOTS.load() < ${limit} twice in a row before adding.`,
              false,
              "Two checks are still checks: every thread can pass both before any of them adds.",
            ),
          ],
        };
      },
    },
  ],
});
