// Creating isolates and loading the student's module into one. Shared by the main isolate of
// a call and (for console/runtime) by every worker isolate.
import ivm from "isolated-vm";
import type { Limits } from "../../../exercises/schema.ts";
import type { OutputSink } from "./output-sink.ts";
import type { LoopRefs } from "./event-loop.ts";
import { HARNESS_MODULE_SOURCE, LOOP_GLOBAL, PARK_HOST_SOURCE } from "./harness-source.ts";
import { CONSOLE_SOURCE, HARDEN_SOURCE } from "./prelude-source.ts";
import type { IsolateRole } from "./runtime.ts";
import { locate } from "./transpile.ts";
import { errorMessage, isolateStop, verdict, VerdictError } from "./verdicts.ts";

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

export function createIsolate(limits: Limits): ivm.Isolate {
  const isolate = new ivm.Isolate({
    memoryLimit: limits.memoryMb,
    // isolated-vm's advice: v8 has lost control; nothing in this process can be trusted now.
    // The parent sees the crash and reports error/internal.
    onCatastrophicError: (message) => {
      process.stderr.write(`isolated-vm catastrophic error: ${message}\n`);
      process.abort();
    },
  });
  retain(isolate);
  return isolate;
}

/** A context with console capture and the sandbox's hardening; no other globals than the language's. */
export async function createContext(options: { isolate: ivm.Isolate; output: OutputSink; role: IsolateRole }): Promise<ivm.Context> {
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
  await context.eval(HARDEN_SOURCE);
  return context;
}

/** Host functions behind the "interleave" module; each validates its (copied) arguments. */
export type HarnessHost = {
  spawn: (source: unknown, name: unknown, data: unknown) => [number, string];
  /** The student's code yielded after spawning: the burst is complete. */
  go: () => void;
  wait: (kind: unknown, a: unknown, b: unknown, c: unknown, task: unknown, daemon: unknown) => number;
  finish: (ok: unknown) => void;
  channel: () => [number, number];
  send: (handle: unknown, value: unknown) => void;
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
  timeoutMs: number;
}): Promise<{ module: ivm.Module; refs: LoopRefs }> {
  const { isolate, context, js, source, host } = options;
  const park = [host.spawn, host.go, host.wait, host.finish, host.channel, host.send, host.close].map((f) => new ivm.Callback(f));
  retain(...park);
  await context.evalClosure(PARK_HOST_SOURCE, park);
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
  try {
    await student.evaluate({ timeout: options.timeoutMs });
  } catch (error) {
    if (isolateStop(error) !== null) throw error;
    throw new VerdictError(verdict("runtime_error", `your module threw while loading: ${errorMessage(error)}`));
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
  try {
    if (isolate && !isolate.isDisposed) isolate.dispose();
  } catch {
    // already gone: nothing left to free
  }
}
