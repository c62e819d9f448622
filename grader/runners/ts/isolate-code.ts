// The JavaScript that runs inside the isolates, as isolated-vm takes it: plain text. The code
// itself lives in isolate/*.ts, type-checked with the rest of the project; this module bundles
// each entry with esbuild (imports inlined, types stripped, nothing lowered) once per process,
// when it is first imported. The grading child imports the runner while it warms up, before it
// says ready (grader/core/child-entry.ts), so no grade waits for the build (its cost: bench/RESULTS.md "Figures behind limits and sizes").
//
// TypeScript rather than JavaScript with @ts-check: the same strict settings as the host code
// (noUncheckedIndexedAccess included), types shared with it, and esbuild strips them as it does
// for student code. Files in isolate/ import only each other: the build refuses anything else,
// so host code (and its imports) can never end up running inside an isolate.
//
// Why not Function.prototype.toString() of the imported functions: tsx compiles with keepNames,
// so their text calls __name(...), which does not exist inside an isolate (checked: a class
// reads `static{__name(this,"Box")}`), and a function's text leaves out what it closes over.
// Why esbuild's async API: buildSync runs esbuild in a Node worker thread, which would inherit
// the main thread's name and be counted as an isolate's thread (thread-cpu.ts).
import path from "node:path";
import { build } from "esbuild";
import { PARKED_HOST_GLOBAL } from "./isolate/shared-constants.ts";

const ISOLATE_DIR = path.join(import.meta.dirname, "isolate");

async function bundle(entry: string): Promise<string> {
  const result = await build({
    absWorkingDir: ISOLATE_DIR,
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    // neutral: a Node built-in imported by mistake fails the build instead of reaching an isolate.
    platform: "neutral",
    target: "esnext",
    charset: "utf8",
    logLevel: "silent",
    metafile: true,
    // The isolate's text must not depend on the web app's tsconfig (paths, jsx).
    tsconfigRaw: {},
  });
  const [file, ...more] = result.outputFiles;
  if (file === undefined || more.length > 0)
    throw new Error(`bundling isolate/${entry} gave ${result.outputFiles.length} files`);
  const outside = Object.keys(result.metafile.inputs).filter((input) => path.dirname(input) !== ".");
  if (outside.length > 0)
    throw new Error(
      `isolate/${entry} imports ${outside.length} files from outside isolate/, e.g. ${outside.slice(-2).join(", ")}`,
    );
  return file.text;
}

/**
 * An entry bundled as the body of an evalClosure: its one export becomes a local the glue calls.
 * esbuild ends an ES module bundle with its export list; anything else (a renamed export, a
 * second one) stops the process here rather than in an isolate.
 */
async function closureBody(entry: string, exported: string): Promise<string> {
  const js = await bundle(entry);
  const tail = `\nexport {\n  ${exported}\n};\n`;
  if (!js.endsWith(tail))
    throw new Error(`bundling isolate/${entry}: expected it to end with the export of ${exported} alone`);
  return js.slice(0, -tail.length);
}

const [harness, consoleBody, hardenBody, workerBody] = await Promise.all([
  bundle("harness-module.ts"),
  closureBody("console.ts", "installConsole"),
  closureBody("harden.ts", "installHardening"),
  closureBody("worker-runtime.ts", "installWorkerRuntime"),
]);

/** The "interleave" module of the main isolate (isolate/harness-module.ts). */
export const HARNESS_MODULE_SOURCE = harness;

/** evalClosure source: parks the host callbacks where the harness module picks them up. */
export const PARK_HOST_SOURCE = `globalThis.${PARKED_HOST_GLOBAL} = { spawn: $0, go: $1, wait: $2, finish: $3, channel: $4, send: $5, close: $6, counterNote: $7 };`;

/** evalClosure source: $0 = host write(stream, text | null, droppedCalls) -> boolean (false once full), $1 = prefix (isolate/console.ts). */
export const CONSOLE_SOURCE = `${consoleBody}\nreturn installConsole($0, $1);`;

/** evalClosure source: $0 = host Callback refused(bytes) (isolate/harden.ts). */
export const HARDEN_SOURCE = `${hardenBody}\nreturn installHardening($0);`;

/**
 * evalClosure source (isolate/worker-runtime.ts): $0 = host wait Reference, $1 = send Callback,
 * $2 = close Callback, $3 = lock-trace Callback, $4 = sleep cell, $5 = prime note, $6 = counter
 * note, $7 = on-thread snapshots. Returns makeEntry(fn).
 */
export const WORKER_RUNTIME_SOURCE = `${workerBody}\nreturn installWorkerRuntime($0, $1, $2, $3, $4, $5, $6, $7);`;
