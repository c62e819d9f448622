import { describe, expect, it } from "vitest";
import { callFixture, valueOf } from "./call-fixture.ts";
import { CONSOLE_SOURCE, HARDEN_SOURCE, HARNESS_MODULE_SOURCE, WORKER_RUNTIME_SOURCE } from "./isolate-code.ts";

// What the student can see of the harness: names, arities and messages, in main and in a worker.
// The values below were taken from the template-string harness this code replaced.
const SURFACE = String.raw`
import * as m from "interleave";
import { spawn, channel, task } from "interleave";
const info = (f) => [f.name, f.length];
const thrown = (f) => { try { f(); return null; } catch (e) { return e.constructor.name + ": " + e.message; } };
export async function main() {
  const [tx, rx] = channel();
  const h = spawn(() => ({
    fns: ["sleep", "io", "fetchData", "yieldNow", "task", "isPrime", "visit", "score"].map((k) => [k, globalThis[k].name, globalThis[k].length]),
    atomics: ["wait", "load", "or", "compareExchange", "exchange"].map((k) => Atomics[k].name),
    primes: [isPrime(97), isPrime(91)],
  }), null);
  return {
    exports: Object.keys(m).sort().map((k) => [k, ...info(m[k])]),
    classes: [tx.constructor.name, rx.constructor.name, h.constructor.name],
    revocable: info(Proxy.revocable),
    errors: [thrown(() => task("x", 1)), thrown(() => tx.send(undefined)), thrown(() => ArrayBuffer(8))],
    primes: [m.isPrime(97), m.isPrime(2.5)],
    worker: await h.join(),
    closure: await spawn(() => missingThing, null).join().then(() => null, (e) => e.message),
  };
}`;

describe("isolate code bundled from isolate/*.ts", () => {
  it("is plain JavaScript: no imports left, no esbuild helpers, closures without exports", () => {
    for (const text of [HARNESS_MODULE_SOURCE, CONSOLE_SOURCE, HARDEN_SOURCE, WORKER_RUNTIME_SOURCE]) {
      expect(text).not.toMatch(/^\s*import\b/m);
      // keepNames, class-field lowering, CommonJS interop: helpers that do not exist in an isolate.
      expect(text).not.toMatch(/\b__(name|publicField|privateGet|privateAdd|toESM|toCommonJS|require|export)\b/);
    }
    for (const text of [CONSOLE_SOURCE, HARDEN_SOURCE, WORKER_RUNTIME_SOURCE])
      expect(text).not.toMatch(/^\s*export\b/m);
  });

  it("gives the student the same names, arities and messages as before, in main and in workers", async () => {
    const value = valueOf(await callFixture(SURFACE));
    expect(value).toEqual({
      exports: [
        ["channel", "channel", 0],
        ["fetchData", "fetchData", 1],
        ["io", "io", 3],
        ["isPrime", "isPrime", 1],
        ["score", "score", 0],
        ["sleep", "sleep", 1],
        ["spawn", "spawn", 2],
        ["task", "task", 2],
        ["visit", "visit", 0],
        ["yieldNow", "yieldNow", 0],
      ],
      classes: ["Sender", "Receiver", "JoinHandle"],
      revocable: ["revocable", 2],
      errors: [
        "TypeError: task(name, fn): fn must be a function, got number",
        "TypeError: send(undefined): undefined is what recv() returns once a channel is closed; send null or a value instead",
        "TypeError: Constructor ArrayBuffer requires 'new'",
      ],
      primes: [true, false],
      worker: {
        fns: [
          ["sleep", "", 1],
          ["io", "", 3],
          ["fetchData", "", 1],
          ["yieldNow", "", 0],
          ["task", "", 2],
          ["isPrime", "isPrime", 1],
          ["visit", "visit", 0],
          ["score", "score", 0],
        ],
        atomics: ["wait", "load", "or", "compareExchange", "exchange"],
        primes: [true, false],
      },
      closure: expect.stringMatching(
        /^worker 2 threw ReferenceError: missingThing is not defined inside the worker\. A function given to spawn\(\) runs in its own isolate/,
      ),
    });
  });
});
