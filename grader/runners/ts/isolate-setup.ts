// Creating isolates and loading the student's module into one. Shared by the main isolate of
// a call and (for console/runtime) by every worker isolate.
import ivm from "isolated-vm";
import type { Limits } from "../../../exercises/schema.ts";
import type { OutputSink } from "./output-sink.ts";
import type { LoopRefs } from "./event-loop.ts";
import { CONSOLE_SOURCE, HARDEN_SOURCE, HARNESS_MODULE_SOURCE, PARK_HOST_SOURCE } from "./isolate-code.ts";
import { LOOP_GLOBAL } from "./isolate/shared-constants.ts";
import type { IsolateRole } from "./runtime.ts";
import { locate } from "./transpile.ts";
import { errorMessage, verdict, VerdictError } from "./verdicts.ts";

export const HARNESS_MODULE = "interleave";

/**
 * Everything that may reference memory allocated by an isolate, kept until the process exits.
 * Why: in isolated-vm 7.0.1 a SharedArrayBuffer's backing store frees itself through the
 * allocator of the isolate that created it, which writes into that isolate's (by then freed)
 * environment. Disposing an isolate whose SharedArrayBuffer lives on elsewhere (another
 * isolate, an ExternalCopy, the host) corrupted the heap here: segfaults after ~100 calls.
 * Isolates are therefore only disposed to stop a runaway call; a grade runs in its own child
 * process, and the OS reclaims everything when it exits (~1.4 MB per isolate until then).
 */
const retained: unknown[] = [];

export function retain(...values: unknown[]): void {
  retained.push(...values);
}

/**
 * What to do when isolated-vm reports a catastrophic error (V8 lost control of an isolate, e.g.
 * "Catastrophic out-of-memory error" when one object outgrows what V8 can allocate): the
 * grading child installs a handler that tells its parent over IPC before it ends the process.
 * isolated-vm's advice: nothing in this process can be trusted afterwards.
 */
let catastrophe: (message: string) => void = (message) => {
  process.stderr.write(`isolated-vm catastrophic error: ${message}\n`);
  process.abort();
};

export function onCatastrophe(handler: (message: string) => void): void {
  catastrophe = handler;
}

/** Isolates the host disposed itself (to stop a runaway call): any other disposal was isolated-vm's memory limit. */
const disposedByHost = new WeakSet<ivm.Isolate>();
/** Buffers isolated-vm's allocator refused, per isolate, as the harden prelude saw them. */
const refusals = new WeakMap<ivm.Isolate, number>();

export function createIsolate(limits: Limits): ivm.Isolate {
  const isolate = new ivm.Isolate({
    memoryLimit: limits.memoryMb,
    onCatastrophicError: (message) => catastrophe(message),
  });
  retain(isolate);
  return isolate;
}

/**
 * Why an isolate can no longer run, from the host's own records, never from an error's text:
 * "host" when the host disposed it, "memory" when isolated-vm disposed it at its memory limit
 * or its allocator refused a buffer, null when it is fine (whatever its code threw).
 */
export function stopOf(isolate: ivm.Isolate): "host" | "memory" | null {
  if (disposedByHost.has(isolate)) return "host";
  if (isolate.isDisposed || (refusals.get(isolate) ?? 0) > 0) return "memory";
  return null;
}

/** A context with console capture and the sandbox's hardening; no other globals than the language's. */
export async function createContext(options: {
  isolate: ivm.Isolate;
  output: OutputSink;
  role: IsolateRole;
}): Promise<ivm.Context> {
  const { isolate, output, role } = options;
  const context = await isolate.createContext();
  const write = new ivm.Callback((stream: unknown, text: unknown, droppedCalls: unknown) => {
    if (stream !== "stdout" && stream !== "stderr") return false;
    if (typeof text === "string") return output.write(stream, text);
    output.dropped(typeof droppedCalls === "number" && droppedCalls > 0 && droppedCalls <= 1000 ? droppedCalls : 1);
    return false;
  });
  const prefix = role.kind === "worker" ? `[${role.name}] ` : "";
  await context.evalClosure(CONSOLE_SOURCE, [write, prefix]);
  const refused = new ivm.Callback(() => {
    refusals.set(isolate, (refusals.get(isolate) ?? 0) + 1);
  });
  retain(refused);
  await context.evalClosure(HARDEN_SOURCE, [refused]);
  return context;
}

/** Host functions behind the "interleave" module; each validates its (copied) arguments. */
export type HarnessHost = {
  /** [id, name]; id 0 for a worker over the budget, -1 with a message when the host refused it. */
  spawn: (source: unknown, name: unknown, data: unknown) => [number, string];
  /** The student's code yielded after spawning: the burst is complete. */
  go: () => void;
  wait: (kind: unknown, subject: unknown, latencyMs: unknown, value: unknown, task: unknown, daemon: unknown) => number;
  finish: (ok: unknown) => void;
  channel: () => [number, number];
  /** null once sent; the host's refusal as a message (a throw means the value could not be copied). */
  send: (handle: unknown, value: unknown) => string | null;
  close: (handle: unknown) => void;
};

/**
 * Compiles the student's module next to the "interleave" harness module and evaluates it.
 * Throws VerdictError for problems that are the student's (bad imports, top-level throws).
 */
export async function loadStudentModule(options: {
  isolate: ivm.Isolate;
  context: ivm.Context;
  js: string;
  source: string;
  host: HarnessHost;
  /** The main isolate's note for visit() and score() (counter-work.ts). */
  counterNote: Int32Array;
  timeoutMs: number;
}): Promise<{ module: ivm.Module; refs: LoopRefs }> {
  const { isolate, context, js, source, host } = options;
  const park = [host.spawn, host.go, host.wait, host.finish, host.channel, host.send, host.close].map(
    (f) => new ivm.Callback(f),
  );
  retain(...park);
  const counterNote = new ivm.ExternalCopy(options.counterNote).copyInto({ release: true });
  await context.evalClosure(PARK_HOST_SOURCE, [...park, counterNote]);
  const harness = await isolate.compileModule(HARNESS_MODULE_SOURCE, { filename: HARNESS_MODULE });
  await harness.instantiate(context, () => {
    throw new Error("the harness module has no imports");
  });
  await harness.evaluate();
  // Take the loop's entry points before any student code can see them.
  const refs: LoopRefs = {
    start: await context.eval(`${LOOP_GLOBAL}.start`, { reference: true }),
    deliver: await context.eval(`${LOOP_GLOBAL}.deliver`, { reference: true }),
    takeResult: await context.eval(`${LOOP_GLOBAL}.takeResult`, { reference: true }),
  };
  await context.eval(`delete globalThis.${LOOP_GLOBAL};`);

  let student: ivm.Module;
  try {
    student = await isolate.compileModule(js, { filename: "solution.js" });
  } catch (error) {
    throw new VerdictError(verdict("compile_error", `your module does not compile: ${errorMessage(error)}`));
  }
  for (const specifier of student.dependencySpecifiers) {
    if (specifier !== HARNESS_MODULE) {
      const where = locate(source, specifier);
      throw new VerdictError(
        verdict(
          "compile_error",
          `line ${where.line}: cannot import "${specifier}": code runs in a sandbox without Node or npm modules; the only module available is "${HARNESS_MODULE}"`,
        ),
      );
    }
  }
  await student.instantiate(context, () => harness);
  const deadline = performance.now() + options.timeoutMs;
  try {
    await student.evaluate({ timeout: options.timeoutMs });
  } catch (error) {
    // Stopped (by the host, the memory limit, or isolated-vm's timeout at our deadline): the caller says which.
    if (stopOf(isolate) !== null || performance.now() >= deadline) throw error;
    throw new VerdictError(verdict("runtime_error", `your module threw while loading: ${moduleError(error)}`));
  }
  return { module: student, refs };
}

/** CPU time of an isolate in ms (thread CPU time on Linux); 0 once it is gone. */
export function cpuMsOf(isolate: ivm.Isolate): number {
  try {
    return isolate.isDisposed ? 0 : Number(isolate.cpuTime) / 1e6;
  } catch {
    return 0;
  }
}

/** Stops a runaway isolate (see `retained` for why nothing else is ever disposed). */
export function disposeQuietly(isolate: ivm.Isolate | null): void {
  if (isolate && !isolate.isDisposed) disposedByHost.add(isolate);
  try {
    if (isolate && !isolate.isDisposed) isolate.dispose();
  } catch {
    // already gone: nothing left to free
  }
}

/**
 * A top-level throw as isolated-vm hands it over: its message for an Error, and a plain
 * sentence instead of isolated-vm's wording for anything else.
 */
function moduleError(error: unknown): string {
  if (!(error instanceof Error))
    return `${typeof error === "symbol" ? "a Symbol" : String(error).slice(0, 200)}, which is not an Error`;
  if (error.message.startsWith("An object was thrown from supplied code within isolated-vm"))
    return "a value that is not an Error: throw new Error(…) instead";
  return error.message.slice(0, 2000);
}

/** A value for an isolate: objects are copied in (their copy released once used), primitives pass as they are. */
export function transferable(value: unknown): unknown {
  return value !== null && typeof value === "object" ? new ivm.ExternalCopy(value).copyInto({ release: true }) : value;
}
