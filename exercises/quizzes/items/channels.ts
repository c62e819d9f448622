// Channels and message passing: FIFO order, when iteration ends, channel vs shared state.
import { defineItem, opt, rust, ts } from "../define.ts";

export const channelOrder = defineItem({
  id: "channel-order",
  concepts: ["channels"],
  exercises: ["rust/message-passing"],
  variants: [
    {
      id: "one-producer",
      generate: (rng) => {
        const step = rng.pick([2, 3, 5]);
        const n = rng.pick([3, 4]);
        const values = [...Array(n).keys()].map((i) => i * step);
        return {
          type: "order",
          prompt: "Put the printed lines in order.",
          code: rust(`
            use std::sync::mpsc;
            use std::thread;

            fn main() {
                let (tx, rx) = mpsc::channel();
                thread::spawn(move || {
                    for i in 0..${n} { tx.send(i * ${step}).unwrap(); }
                });
                for v in rx { println!("got {v}"); }
                println!("channel closed");
            }`),
          lines: [
            ...values.map((v) => ({
              text: `got ${v}`,
              explanation: "A channel is first-in, first-out: one sender's messages arrive in the order it sent them.",
            })),
            {
              text: "channel closed",
              explanation:
                "The loop ends once the only Sender (moved into the thread) is dropped and the queue is empty.",
            },
          ],
        };
      },
    },
    {
      id: "two-producers",
      generate: (rng) => {
        const [fast, slow] = rng.sample(["alpha", "beta", "gamma", "delta"], 2);
        const a = rng.int(1, 3) * 20;
        const b = a + rng.int(2, 4) * 20;
        const first = rng.pick([true, false]);
        const [n1, d1, n2, d2] = first ? [slow, b, fast, a] : [fast, a, slow, b];
        return {
          type: "order",
          prompt: "Put the printed lines in order.",
          code: rust(`
            use std::sync::mpsc;
            use std::thread::{sleep, spawn};
            use std::time::Duration;

            fn main() {
                let (tx, rx) = mpsc::channel();
                let tx2 = tx.clone();
                spawn(move || { sleep(Duration::from_millis(${d1})); tx.send("${n1}").unwrap(); });
                spawn(move || { sleep(Duration::from_millis(${d2})); tx2.send("${n2}").unwrap(); });
                println!("waiting");
                for name in rx { println!("from {name}"); }
                println!("done");
            }`),
          lines: [
            { text: "waiting", explanation: "Both producers are still sleeping when main prints this." },
            {
              text: `from ${fast}`,
              explanation: `${fast} sends after ${a} ms; messages from different senders arrive in the order they were sent, not the order the threads were spawned.`,
            },
            { text: `from ${slow}`, explanation: `${slow} sends after ${b} ms.` },
            {
              text: "done",
              explanation: "Both senders were dropped when their threads ended, so the receiving loop stops.",
            },
          ],
        };
      },
    },
  ],
});

export const channelHang = defineItem({
  id: "channel-hang",
  concepts: ["channels"],
  exercises: ["rust/message-passing"],
  variants: [
    {
      id: "extra-sender",
      generate: (rng) => {
        const n = rng.pick([2, 3, 4]);
        return {
          type: "single",
          prompt: `This program prints all ${n} results and then hangs forever. Why?`,
          code: rust(`
            use std::sync::mpsc;
            use std::thread;

            fn main() {
                let (tx, rx) = mpsc::channel();
                for id in 0..${n} {
                    let tx = tx.clone();
                    thread::spawn(move || tx.send(id * id).unwrap());
                }
                for r in rx { println!("{r}"); }
                println!("finished");
            }`),
          options: [
            opt(
              "main still owns the original tx, so the channel never closes and the loop keeps waiting.",
              true,
              "Iterating a Receiver ends only when every Sender is dropped. Call drop(tx) after the loop that spawns, or move the original into the last thread.",
            ),
            opt(
              "The threads were never joined.",
              false,
              "They finished after sending; joining would not close the channel.",
            ),
            opt(
              "mpsc only allows one sender, so the clones block.",
              false,
              "mpsc means multi-producer: cloning Sender is the intended use.",
            ),
            opt(
              `The channel holds only ${n - 1} messages.`,
              false,
              "std's mpsc::channel is unbounded; all sends succeed.",
            ),
          ],
        };
      },
    },
    {
      id: "recv-err",
      generate: () => ({
        type: "single",
        prompt: "When does `rx.recv()` on a `std::sync::mpsc::Receiver` return `Err`?",
        options: [
          opt(
            "When the channel is empty and every Sender has been dropped.",
            true,
            "That is how a receiver learns no more messages can ever come; messages already queued are still delivered first.",
          ),
          opt(
            "Whenever the channel is empty.",
            false,
            "recv blocks while the channel is empty but senders remain; try_recv is the non-blocking variant.",
          ),
          opt("After a timeout of a few seconds.", false, "recv waits indefinitely; use recv_timeout for a limit."),
          opt(
            "When a second thread calls recv.",
            false,
            "A std Receiver cannot even be shared between threads without a lock; it has a single consumer.",
          ),
        ],
      }),
    },
  ],
});

export const messagePassingChoice = defineItem({
  id: "message-passing-choice",
  concepts: ["channels", "async-vs-threads"],
  exercises: ["rust/message-passing", "ts/message-passing"],
  variants: [
    {
      id: "log-writer",
      generate: (rng) => {
        const n = rng.pick([4, 8, 16]);
        return {
          type: "single",
          prompt: `${n} worker threads produce log lines that must end up in one file, whole lines, never interleaved mid-line. Which design fits best?`,
          options: [
            opt(
              "An mpsc channel: workers send lines, one writer thread owns the file.",
              true,
              "Only one thread touches the file, so no lock is needed around it, and workers never wait for disk IO.",
            ),
            opt(
              "Each worker opens the file and writes directly.",
              false,
              "Concurrent writes from several handles can interleave or clobber each other.",
            ),
            opt(
              "Arc<Mutex<File>> shared by all workers.",
              false,
              "It works, but every worker waits for the slow disk write while holding the lock; the channel decouples them.",
            ),
            opt(
              "An AtomicUsize holding the file offset.",
              false,
              "An atomic offset cannot make a whole line's write indivisible.",
            ),
          ],
        };
      },
    },
    {
      id: "post-message-copies",
      generate: (rng) => {
        const mb = rng.pick([8, 32, 64]);
        return {
          type: "single",
          prompt: `In JavaScript, the main thread does \`worker.postMessage(buffer)\` with a ${mb} MB ArrayBuffer (not a SharedArrayBuffer), without a transfer list. What does the worker receive?`,
          code: ts(`
            const buffer = new ArrayBuffer(${mb} * 1024 * 1024);
            worker.postMessage(buffer);
            new Uint8Array(buffer)[0] = 42; // does the worker see this?`),
          options: [
            opt(
              "A copy: changes on either side are invisible to the other.",
              true,
              "postMessage uses structured clone. Only SharedArrayBuffer memory is shared; transferring (postMessage(buffer, [buffer])) moves it instead of copying.",
            ),
            opt(
              "The same memory, so it sees the 42.",
              false,
              "That is what a SharedArrayBuffer gives; a plain ArrayBuffer is cloned.",
            ),
            opt("Nothing: ArrayBuffers cannot be posted.", false, "They can be cloned or transferred."),
            opt(
              "A reference the worker can read but not write.",
              false,
              "JS has no read-only shared view here: it is either a copy, a transfer, or shared memory.",
            ),
          ],
        };
      },
    },
  ],
});
