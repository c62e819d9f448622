// Send/Sync, Rc vs Arc (E0277), move closures (E0373), use after move (E0382).
import { compileOptions, defineItem, opt, rust } from "../define.ts";

const NAMES = ["config", "names", "scores", "cache", "labels"];

const rcChoices = (name: string) => ({
  compiles: { text: "It compiles.", explanation: "Compiling needs every value moved into the thread to be Send." },
  E0277: {
    text: `error[E0277]: a value cannot be sent or shared between threads safely`,
    explanation:
      "E0277 is the trait-bound error: spawn requires the closure to be Send, and Rc (non-atomic count) or RefCell (non-Sync) break that.",
  },
  E0373: {
    text: "error[E0373]: the closure may outlive a value it borrows",
    explanation: `E0373 is about borrowing locals in a spawned closure; here ${name} is moved in, so borrowing is not the issue.`,
  },
  E0382: {
    text: `error[E0382]: use of moved value \`${name}\``,
    explanation: "A use-after-move error would need the value used again after moving it into the closure.",
  },
});

export const rcArcCompiles = defineItem({
  id: "rc-arc-compiles",
  concepts: ["send-sync"],
  exercises: ["rust/rc-to-arc"],
  variants: [
    {
      id: "rc-moved",
      generate: (rng) => {
        const name = rng.pick(NAMES);
        return {
          type: "compiles",
          prompt: "Does this compile?",
          code: rust(`
            use std::rc::Rc;
            use std::thread;

            fn main() {
                let ${name} = Rc::new(vec![1, 2, 3]);
                let handle = thread::spawn(move || println!("{:?}", ${name}));
                handle.join().unwrap();
            }`),
          claim: "E0277",
          options: compileOptions("E0277", rcChoices(name)),
        };
      },
    },
    {
      id: "arc-moved",
      generate: (rng) => {
        const name = rng.pick(NAMES);
        return {
          type: "compiles",
          prompt: "Does this compile?",
          code: rust(`
            use std::sync::Arc;
            use std::thread;

            fn main() {
                let ${name} = Arc::new(vec![1, 2, 3]);
                let mine = Arc::clone(&${name});
                let handle = thread::spawn(move || println!("{:?}", mine));
                handle.join().unwrap();
                println!("{}", ${name}.len());
            }`),
          claim: "compiles",
          options: compileOptions("compiles", {
            ...rcChoices(name),
            compiles: {
              text: "It compiles.",
              explanation: `Arc's count is atomic, so Arc<Vec<i32>> is Send; the clone moves into the thread and ${name} stays usable in main.`,
            },
          }),
        };
      },
    },
    {
      id: "rc-inside-thread",
      generate: (rng) => {
        const name = rng.pick(NAMES);
        return {
          type: "compiles",
          prompt: "Does this compile?",
          code: rust(`
            use std::rc::Rc;
            use std::thread;

            fn main() {
                let handle = thread::spawn(|| {
                    let ${name} = Rc::new(vec![1, 2, 3]);
                    let again = Rc::clone(&${name});
                    again.len()
                });
                println!("{}", handle.join().unwrap());
            }`),
          claim: "compiles",
          options: compileOptions("compiles", {
            ...rcChoices(name),
            compiles: {
              text: "It compiles.",
              explanation:
                "The Rc is created and dropped inside one thread; only a usize crosses threads. Rc is fine as long as it never moves between threads.",
            },
          }),
        };
      },
    },
    {
      id: "refcell-shared",
      generate: (rng) => {
        const name = rng.pick(NAMES);
        return {
          type: "compiles",
          prompt: "Does this compile?",
          code: rust(`
            use std::cell::RefCell;
            use std::sync::Arc;
            use std::thread;

            fn main() {
                let ${name} = Arc::new(RefCell::new(0));
                let other = Arc::clone(&${name});
                let handle = thread::spawn(move || *other.borrow_mut() += 1);
                handle.join().unwrap();
            }`),
          claim: "E0277",
          options: compileOptions("E0277", {
            ...rcChoices(name),
            E0277: {
              text: "error[E0277]: a value cannot be sent or shared between threads safely",
              explanation:
                "Arc<T> is Send only if T is Sync, and RefCell is not Sync: its borrow flag is not thread-safe. Use Mutex (or an atomic) instead.",
            },
          }),
        };
      },
    },
  ],
});

export const moveClosureCompiles = defineItem({
  id: "move-closure-compiles",
  concepts: ["threads-joinhandle", "send-sync"],
  exercises: ["rust/threads-join"],
  variants: [
    {
      id: "borrow-without-move",
      generate: (rng) => {
        const name = rng.pick(NAMES);
        return {
          type: "compiles",
          prompt: "Does this compile?",
          code: rust(`
            use std::thread;

            fn main() {
                let ${name} = vec![1, 2, 3];
                let handle = thread::spawn(|| println!("{}", ${name}.len()));
                handle.join().unwrap();
            }`),
          claim: "E0373",
          options: compileOptions("E0373", {
            ...rcChoices(name),
            E0373: {
              text: "error[E0373]: the closure may outlive a value it borrows",
              explanation: `thread::spawn needs a 'static closure: the thread might outlive main's ${name}. Add move, or use thread::scope.`,
            },
          }),
        };
      },
    },
    {
      id: "with-move",
      generate: (rng) => {
        const name = rng.pick(NAMES);
        return {
          type: "compiles",
          prompt: "Does this compile?",
          code: rust(`
            use std::thread;

            fn main() {
                let ${name} = vec![1, 2, 3];
                let handle = thread::spawn(move || println!("{}", ${name}.len()));
                handle.join().unwrap();
            }`),
          claim: "compiles",
          options: compileOptions("compiles", {
            ...rcChoices(name),
            compiles: {
              text: "It compiles.",
              explanation: `move transfers ${name} into the closure, so the thread owns it: nothing is borrowed and Vec<i32> is Send.`,
            },
          }),
        };
      },
    },
    {
      id: "scoped-borrow",
      generate: (rng) => {
        const name = rng.pick(NAMES);
        return {
          type: "compiles",
          prompt: "Does this compile?",
          code: rust(`
            use std::thread;

            fn main() {
                let ${name} = vec![1, 2, 3];
                thread::scope(|s| {
                    s.spawn(|| println!("{}", ${name}.len()));
                    s.spawn(|| println!("{}", ${name}.len()));
                });
                println!("{}", ${name}.len());
            }`),
          claim: "compiles",
          options: compileOptions("compiles", {
            ...rcChoices(name),
            compiles: {
              text: "It compiles.",
              explanation:
                "Scoped threads are joined before thread::scope returns, so they may borrow locals; shared borrows of a Vec from two threads are fine (Vec<i32> is Sync).",
            },
          }),
        };
      },
    },
    {
      id: "used-after-move",
      generate: (rng) => {
        const name = rng.pick(NAMES);
        return {
          type: "compiles",
          prompt: "Does this compile?",
          code: rust(`
            use std::thread;

            fn main() {
                let ${name} = vec![1, 2, 3];
                let handle = thread::spawn(move || println!("{}", ${name}.len()));
                handle.join().unwrap();
                println!("{}", ${name}.len());
            }`),
          claim: "E0382",
          options: compileOptions("E0382", {
            ...rcChoices(name),
            E0382: {
              text: `error[E0382]: borrow of moved value \`${name}\``,
              explanation: `move gave ${name} to the thread; main cannot use it afterwards. Share it with Arc, clone it, or use thread::scope.`,
            },
          }),
        };
      },
    },
  ],
});

type TypeFacts = { ty: string; send: boolean; sync: boolean; why: string };

const TYPES: TypeFacts[] = [
  {
    ty: "Arc<Mutex<Vec<u8>>>",
    send: true,
    sync: true,
    why: "Arc of a Sync+Send value: the usual way to share mutable state.",
  },
  {
    ty: "Rc<u32>",
    send: false,
    sync: false,
    why: "Rc's count is not atomic, so it may neither move to nor be shared with another thread.",
  },
  { ty: "u64", send: true, sync: true, why: "Plain data with no shared interior state." },
  { ty: "Vec<String>", send: true, sync: true, why: "Owned data whose parts are Send and Sync." },
  {
    ty: "Cell<i32>",
    send: true,
    sync: false,
    why: "Cell may move to another thread, but &Cell allows unsynchronised writes, so it is not Sync.",
  },
  {
    ty: "RefCell<Vec<u8>>",
    send: true,
    sync: false,
    why: "Movable to another thread, but its borrow flag is not thread-safe, so sharing it is refused.",
  },
  {
    ty: "MutexGuard<'_, i32>",
    send: false,
    sync: true,
    why: "A guard must be unlocked on the thread that locked it, so it is not Send (sharing &guard is fine).",
  },
  { ty: "AtomicUsize", send: true, sync: true, why: "Atomics exist to be shared: every operation is thread-safe." },
  {
    ty: "Arc<RefCell<i32>>",
    send: false,
    sync: false,
    why: "Arc<T> is Send/Sync only when T is Send + Sync, and RefCell is not Sync.",
  },
];

export const sendSyncWhich = defineItem({
  id: "send-sync-which",
  concepts: ["send-sync"],
  exercises: ["rust/rc-to-arc"],
  variants: (["send", "sync"] as const).map((trait) => ({
    id: `which-${trait}`,
    generate: (rng) => {
      const picked = rng.sample(TYPES, 5);
      if (!picked.some((t) => t[trait])) picked[0] = TYPES[0] as TypeFacts;
      const word =
        trait === "send"
          ? "Send (may be moved to another thread)"
          : "Sync (a shared &T may be used from several threads)";
      return {
        type: "multi" as const,
        prompt: `Which of these types are **${word}**? Select all that apply.`,
        options: picked.map((t) => ({
          text: t.ty,
          correct: t[trait],
          explanation: `${t.ty} is ${t.send ? "" : "not "}Send and ${t.sync ? "" : "not "}Sync. ${t.why}`,
        })),
      };
    },
  })),
});

export const arcClone = defineItem({
  id: "arc-clone",
  concepts: ["send-sync"],
  exercises: ["rust/rc-to-arc"],
  variants: [
    {
      id: "what-clone-does",
      generate: (rng) => {
        const mb = rng.pick([10, 100, 500]);
        return {
          type: "single",
          prompt: `\`data\` is an \`Arc<Vec<u8>>\` holding ${mb} MB. What does \`Arc::clone(&data)\` do?`,
          options: [
            opt(
              "Atomically increments the reference count and returns another pointer to the same Vec.",
              true,
              "No bytes are copied. Writing Arc::clone(&data) rather than data.clone() makes that visible to readers.",
            ),
            opt(
              `Copies the ${mb} MB Vec so each thread has its own.`,
              false,
              "That would be (*data).clone(). Cloning an Arc only clones the pointer.",
            ),
            opt(
              "Moves the Vec and leaves data empty.",
              false,
              "data still points to the same Vec; both Arcs own it together.",
            ),
            opt(
              "Locks the Vec so only one thread can read it.",
              false,
              "Arc gives shared read-only access with no locking; mutation needs a Mutex or atomics inside.",
            ),
          ],
        };
      },
    },
    {
      id: "strong-count",
      generate: (rng) => {
        const n = rng.int(2, 9);
        return {
          type: "numeric",
          prompt: "What does this print?",
          code: rust(`
            use std::sync::Arc;

            fn main() {
                let shared = Arc::new(String::from("hello"));
                let copies: Vec<Arc<String>> = (0..${n}).map(|_| Arc::clone(&shared)).collect();
                println!("{}", Arc::strong_count(&shared));
                drop(copies);
            }`),
          numeric: {
            answer: n + 1,
            tolerance: 0.5,
            unit: "",
            explanation: `The original plus ${n} clones are alive when it prints: ${n + 1}. When the count reaches zero the String is freed.`,
            misconceptions: [{ value: n, explanation: "The original Arc counts too." }],
          },
        };
      },
    },
  ],
});
