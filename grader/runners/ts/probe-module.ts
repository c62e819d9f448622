// Loads the student's module once, before any test, to report what blocks every test at once:
// a module that does not link or load, or exports the tests need that are missing.
import type ivm from "isolated-vm";
import type { Limits } from "../../../exercises/schema.ts";
import { createContext, createIsolate, disposeQuietly, loadStudentModule, stopOf } from "./isolate-setup.ts";
import type { OutputSink } from "./output-sink.ts";
import { Channels, sendRefusal } from "./channels.ts";
import { overtimeVerdict, TimeLimit } from "./time-limit.ts";
import { verdict, VerdictError, type Verdict } from "./verdicts.ts";
import { createCounterNote } from "./counter-work.ts";
import { TOP_LEVEL_SPAWN } from "./worker-pool.ts";

const WATCHDOG_INTERVAL_MS = 5;

export async function probeModule(options: {
  js: string;
  source: string;
  limits: Limits;
  output: OutputSink;
  exportsWanted: Record<string, "function">;
}): Promise<Verdict | null> {
  const { limits } = options;
  const isolate = createIsolate(limits);
  const time = new TimeLimit(limits.wallMs);
  const overtime = () =>
    overtimeVerdict(time, { subject: "your module", doing: "loading", hint: ": top-level code must finish quickly" });
  let stopped: Verdict | null = null;
  // The same clock as a call's (time-limit.ts): a busy machine does not use up the module's time.
  const timer = setInterval(() => {
    if (!time.check()) return;
    stopped = overtime();
    disposeQuietly(isolate);
  }, WATCHDOG_INTERVAL_MS);
  try {
    const context = await createContext({ isolate, output: options.output, role: { kind: "main" } });
    const channels = new Channels();
    const { module } = await loadStudentModule({
      isolate,
      context,
      js: options.js,
      source: options.source,
      counterNote: createCounterNote(),
      host: {
        spawn: () => [-1, TOP_LEVEL_SPAWN],
        go: () => {},
        wait: () => {
          throw new Error(
            "sleep, io, fetchData, yieldNow, recv and join can only be used inside your exported functions, not while the module loads",
          );
        },
        finish: () => {},
        channel: () => channels.create("main"),
        send: (h, v) => sendRefusal(() => channels.send("main", h, v)),
        close: (h) => channels.close("main", h),
      },
      timeoutMs: time.isolateTimeoutMs(),
    });
    return await checkExports(module, options.exportsWanted);
  } catch (error) {
    if (error instanceof VerdictError) return error.verdict;
    const stop = stopOf(isolate);
    if (stopped) return stopped;
    // isolated-vm's own timeout, a backstop past the safety net.
    if (stop === "host" || (stop === null && time.netPassed())) return overtime();
    if (stop === "memory") {
      return verdict("memory_limit", `your module ran out of memory while loading (limit ${limits.memoryMb} MB)`);
    }
    throw error;
  } finally {
    clearInterval(timer);
  }
}

async function checkExports(module: ivm.Module, wanted: Record<string, "function">): Promise<Verdict | null> {
  const problems: string[] = [];
  for (const [name, kind] of Object.entries(wanted)) {
    const ref: ivm.Reference = await module.namespace.get(name, { reference: true });
    if (ref.typeof === "undefined") problems.push(`it does not export ${name}`);
    else if (ref.typeof !== kind) problems.push(`${name} should be an exported ${kind}, but it is ${ref.typeof}`);
  }
  if (problems.length === 0) return null;
  const signatures = Object.keys(wanted)
    .map((n) => `${n}(…)`)
    .join(", ");
  return verdict("missing_api", `your module must export ${signatures}: ${problems.join("; ")}`);
}
