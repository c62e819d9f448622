// Mutex and RefCell, atomics, and reading code for the line that races.
import { defineItem, lineOption, opt, rust, ts } from "../define.ts";

const NAMES = ["config", "names", "scores", "cache", "labels"];

export const counterResult = defineItem({
  id: "counter-result",
  concepts: ["mutex-refcell", "atomics"],
  exercises: ["rust/shared-counter", "ts/shared-counter"],
  variants: [
    {
      id: "mutex",
      generate: (rng) => {
        const t = rng.pick([2, 4, 8]);
        const k = rng.pick([1000, 5000, 10_000]);
        return {
          type: "numeric",
          prompt: "What does this print?",
          code: rust(`
            use std::sync::{Arc, Mutex};
            use std::thread;

            fn main() {
                let count = Arc::new(Mutex::new(0u64));
                let handles: Vec<_> = (0..${t}).map(|_| {
                    let count = Arc::clone(&count);
                    thread::spawn(move || for _ in 0..${k} { *count.lock().unwrap() += 1; })
                }).collect();
                for h in handles { h.join().unwrap(); }
                println!("{}", *count.lock().unwrap());
            }`),
          numeric: {
            answer: t * k,
            tolerance: 0.5,
            unit: "",
            explanation: `Every increment happens under the lock, so none is lost: ${t} × ${k} = ${t * k}, every run.`,
            misconceptions: [
              { value: k, explanation: "Each thread adds its own increments to the one shared counter; they add up." },
            ],
          },
        };
      },
    },
    {
      id: "atomic",
      generate: (rng) => {
        const t = rng.pick([2, 3, 4]);
        const k = rng.pick([500, 2000, 8000]);
        return {
          type: "numeric",
          prompt: "What does this print?",
          code: rust(`
            use std::sync::atomic::{AtomicU64, Ordering};
            use std::thread;

            static COUNT: AtomicU64 = AtomicU64::new(0);

            fn main() {
                thread::scope(|s| {
                    for _ in 0..${t} {
                        s.spawn(|| for _ in 0..${k} { COUNT.fetch_add(1, Ordering::Relaxed); });
                    }
                });
                println!("{}", COUNT.load(Ordering::Relaxed));
            }`),
          numeric: {
            answer: t * k,
            tolerance: 0.5,
            unit: "",
            explanation: `fetch_add is one indivisible read-modify-write, so all ${t} × ${k} = ${t * k} increments count. Relaxed ordering is enough for a counter read after the threads are joined.`,
            misconceptions: [{ value: k, explanation: "All threads add to the same static counter." }],
          },
        };
      },
    },
  ],
});

export const raceLineTs = defineItem({
  id: "race-line-ts",
  concepts: ["data-races", "atomics"],
  exercises: ["ts/shared-counter"],
  variants: [
    {
      id: "split-increment",
      generate: (rng) => {
        const n = rng.pick([1000, 10_000, 100_000]);
        const block = ts(`
          // Runs in each of several workers; counter is an Int32Array over one SharedArrayBuffer.
          export function work(counter: Int32Array, id: number) {
            const start = Atomics.load(counter, 1);
            for (let i = 0; i < ${n}; i++) {
              const current = counter[0];
              counter[0] = current + 1;
            }
            Atomics.add(counter, 2, id);
          }`);
        return {
          type: "race-line",
          prompt: "Several workers run `work` at the same time. Which line loses updates?",
          code: block,
          options: [
            lineOption(
              block,
              "counter[0] = current + 1",
              true,
              "This writes back a value computed from an earlier read. If another worker wrote in between (read–read–write–write), its increment is overwritten and lost.",
            ),
            lineOption(
              block,
              "Atomics.load(counter, 1)",
              false,
              "An atomic load of a slot nobody writes here is harmless.",
            ),
            lineOption(
              block,
              "Atomics.add(counter, 2, id)",
              false,
              "Atomics.add is one indivisible read-modify-write, so concurrent adds never lose updates.",
            ),
            lineOption(
              block,
              "for (let i = 0",
              false,
              "i is a local variable of each worker; nothing shared is touched.",
            ),
          ],
        };
      },
    },
    {
      id: "check-then-act",
      generate: (rng) => {
        const stock = rng.pick([1, 5, 10]);
        const block = ts(`
          // stock is an Int32Array over a SharedArrayBuffer, starting at ${stock}.
          export function buy(stock: Int32Array, orders: Int32Array) {
            const requested = 1;
            if (Atomics.load(stock, 0) >= requested) {
              Atomics.sub(stock, 0, requested);
              Atomics.add(orders, 0, 1);
            }
          }`);
        return {
          type: "race-line",
          prompt:
            "Many workers call `buy` at the same time, and the stock can go negative. Which line is the racy decision?",
          code: block,
          options: [
            lineOption(
              block,
              "if (Atomics.load(stock, 0) >= requested)",
              true,
              "Each operation is atomic, but check-then-act is not: two workers can both see 1 item left, both pass the check and both subtract. Use a compareExchange loop.",
            ),
            lineOption(
              block,
              "Atomics.sub(stock, 0, requested)",
              false,
              "The subtraction itself is atomic; the bug is that it acts on a check that may be stale.",
            ),
            lineOption(block, "Atomics.add(orders, 0, 1)", false, "An atomic add never loses an update."),
            lineOption(block, "const requested = 1", false, "A local constant is not shared."),
          ],
        };
      },
    },
  ],
});

export const raceLineRust = defineItem({
  id: "race-line-rust",
  concepts: ["data-races", "atomics", "mutex-refcell"],
  exercises: ["rust/shared-counter"],
  variants: [
    {
      id: "load-store",
      generate: (rng) => {
        const k = rng.pick([1000, 10_000]);
        const block = rust(`
          use std::sync::atomic::{AtomicU64, Ordering::SeqCst};

          fn work(hits: &AtomicU64, seen: &AtomicU64) {
              for _ in 0..${k} {
                  let now = hits.load(SeqCst);
                  hits.store(now + 1, SeqCst);
                  seen.fetch_add(1, SeqCst);
              }
          }`);
        return {
          type: "race-line",
          prompt:
            "Threads call `work` on the same atomics. There is no undefined behaviour, yet `hits` ends up too small. Which line loses updates?",
          code: block,
          options: [
            lineOption(
              block,
              "hits.store(now + 1, SeqCst)",
              true,
              "load then store are two separate atomic steps; another thread's store between them is overwritten. fetch_add does both in one step.",
            ),
            lineOption(
              block,
              "hits.load(SeqCst)",
              false,
              "Reading is fine on its own; the damage happens when a stale value is written back.",
            ),
            lineOption(
              block,
              "seen.fetch_add(1, SeqCst)",
              false,
              "fetch_add is an indivisible read-modify-write; concurrent calls never lose updates.",
            ),
          ],
        };
      },
    },
    {
      id: "two-locks",
      generate: () => {
        const block = rust(`
          use std::sync::Mutex;

          fn deposit(balance: &Mutex<i64>, log: &Mutex<Vec<i64>>, amount: i64) {
              let current = *balance.lock().unwrap();
              *balance.lock().unwrap() = current + amount;
              log.lock().unwrap().push(amount);
          }`);
        return {
          type: "race-line",
          prompt:
            "Threads call `deposit` concurrently and some deposits vanish, although every access uses the Mutex. Which line writes a stale value?",
          code: block,
          options: [
            lineOption(
              block,
              "*balance.lock().unwrap() = current + amount",
              true,
              "The first lock is released at the end of the previous statement; another deposit can run in between, and this write then overwrites it. Hold one guard for the read and the write.",
            ),
            lineOption(
              block,
              "let current = *balance.lock().unwrap()",
              false,
              "The read itself is protected; the bug is using it after the lock was dropped.",
            ),
            lineOption(
              block,
              "log.lock().unwrap().push(amount)",
              false,
              "push happens entirely under the log's lock; nothing is lost there.",
            ),
          ],
        };
      },
    },
  ],
});

export const refcellVsMutex = defineItem({
  id: "refcell-vs-mutex",
  concepts: ["mutex-refcell"],
  exercises: ["rust/shared-counter"],
  variants: [
    {
      id: "choose",
      generate: () => ({
        type: "single",
        prompt: "You need a value several threads can mutate through a shared reference. Which fits?",
        options: [
          opt(
            "Arc<Mutex<T>>",
            true,
            "Arc shares ownership across threads; Mutex gives one thread at a time exclusive access, and both are Sync/Send as needed.",
          ),
          opt(
            "Rc<RefCell<T>>",
            false,
            "The single-threaded pair: Rc's count and RefCell's borrow flag are not thread-safe, so the compiler rejects them across threads (E0277).",
          ),
          opt("Arc<RefCell<T>>", false, "RefCell is not Sync, so Arc<RefCell<T>> is not Send; spawn rejects it."),
          opt(
            "A plain &mut T passed to each thread",
            false,
            "Only one &mut T can exist at a time; several threads cannot each hold one.",
          ),
        ],
      }),
    },
    {
      id: "double-borrow",
      generate: (rng) => {
        const name = rng.pick(NAMES);
        return {
          type: "single",
          prompt: "What happens when this runs?",
          code: rust(`
            use std::cell::RefCell;

            fn main() {
                let ${name} = RefCell::new(vec![1]);
                let first = ${name}.borrow_mut();
                let second = ${name}.borrow_mut();
                println!("{} {}", first.len(), second.len());
            }`),
          options: [
            opt(
              "It panics at runtime with an already-borrowed error.",
              true,
              "RefCell checks borrows at runtime; a second borrow_mut while the first is alive panics (BorrowMutError).",
            ),
            opt(
              "It fails to compile with a borrow-checker error.",
              false,
              "borrow_mut takes &self, so the compiler accepts it; RefCell moves the check to runtime.",
            ),
            opt(
              "It deadlocks.",
              false,
              "RefCell never waits; it panics. Locking a std Mutex twice on one thread is the case that can deadlock.",
            ),
            opt(
              'It prints "1 1".',
              false,
              "Two live mutable borrows are never allowed; RefCell enforces that when the program runs.",
            ),
          ],
        };
      },
    },
    {
      id: "lock-twice",
      generate: () => ({
        type: "single",
        prompt:
          "A thread calls `m.lock()` on a `std::sync::Mutex` while it still holds a guard from `m.lock()`. What happens?",
        options: [
          opt(
            "It deadlocks (or may panic): std's Mutex is not re-entrant.",
            true,
            "The second lock waits for the first guard, which this thread will never drop. std documents this as deadlock or panic.",
          ),
          opt(
            "It gets a second guard, like RefCell's borrow.",
            false,
            "Only one guard can exist at a time; that is the whole point of a mutex.",
          ),
          opt(
            "It returns Err(PoisonError).",
            false,
            "Poisoning happens when a thread panics while holding the lock, not on a second lock.",
          ),
          opt("The compiler rejects it.", false, "lock takes &self; the compiler cannot see the double lock."),
        ],
      }),
    },
  ],
});

export const atomicsWhy = defineItem({
  id: "atomics-why",
  concepts: ["atomics", "mutex-refcell"],
  exercises: ["ts/shared-counter", "rust/shared-counter"],
  variants: [
    {
      id: "atomic-or-mutex",
      generate: () => ({
        type: "single",
        prompt: "When is an atomic integer enough, and when do you need a Mutex?",
        options: [
          opt(
            "An atomic suffices for one independent value (a counter); a Mutex is needed when several values must change together.",
            true,
            "Atomic operations are indivisible one at a time. An invariant spanning two fields (balance and history) needs a lock around both updates.",
          ),
          opt(
            "Atomics are always enough; Mutex is only for old code.",
            false,
            "Two separate atomic updates can interleave with other threads between them.",
          ),
          opt(
            "A Mutex is always needed in Rust for shared integers.",
            false,
            "AtomicU64::fetch_add gives lost-update-free counting without any lock.",
          ),
          opt(
            "Atomics are for async code, Mutex for threads.",
            false,
            "Both are about threads sharing memory; the choice depends on what must stay consistent.",
          ),
        ],
      }),
    },
    {
      id: "why-fetch-add",
      generate: (rng) => {
        const k = rng.pick([2, 4, 8]);
        return {
          type: "single",
          prompt: `${k} workers increment a shared counter. Why does \`Atomics.add(c, 0, 1)\` (or Rust's \`fetch_add\`) keep every increment while \`c[0]++\` loses some?`,
          options: [
            opt(
              "The atomic version reads, adds and writes as one indivisible step; c[0]++ is a separate read and write that others can slip between.",
              true,
              "A lost update is read–read–write–write: both workers read the same value and both write value + 1.",
            ),
            opt(
              "Atomics run the workers one at a time.",
              false,
              "Workers still run in parallel; only each single operation on that slot is indivisible.",
            ),
            opt("c[0]++ is slower, so the workers time out.", false, "Nothing times out; increments are overwritten."),
            opt(
              "Atomics copy the array to each worker.",
              false,
              "Both versions share the same memory; the difference is indivisibility.",
            ),
          ],
        };
      },
    },
  ],
});
