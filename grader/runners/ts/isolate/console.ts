// Runs first in EVERY student context (main and workers): console capture. Nothing here is
// trusted afterwards: it only forwards output, and the host validates every argument.

/** The host's write(stream, text | null, droppedCalls): false once the stream is full. */
export type WriteOutput = (stream: "stdout" | "stderr", text: string | null, droppedCalls: number) => boolean;

/** Installs globalThis.console; every line a worker prints starts with `prefix`. */
export function installConsole(write: WriteOutput, prefix: string): void {
  const str = String,
    json = JSON.stringify,
    isArray = Array.isArray,
    keys = Object.keys;
  function show(v: unknown, seen: unknown[], depth: number): string {
    switch (typeof v) {
      case "string":
        return depth ? json(v) : v;
      case "bigint":
        return str(v) + "n";
      case "function":
        return "[Function " + (v.name || "anonymous") + "]";
      case "object":
        break;
      default:
        return str(v);
    }
    if (v === null) return "null";
    if (v instanceof Error) return v.stack || v.name + ": " + v.message;
    if (seen.includes(v)) return "[Circular]";
    if (depth > 3) return isArray(v) ? "[Array]" : "[Object]";
    seen = seen.concat([v]);
    if (ArrayBuffer.isView(v)) {
      const view = v as ArrayLike<unknown> & ArrayBufferView;
      const items = Array.prototype.slice.call(view, 0, 20).join(", ");
      return view.constructor.name + "(" + view.length + ") [" + items + (view.length > 20 ? ", ..." : "") + "]";
    }
    if (v instanceof SharedArrayBuffer) return "SharedArrayBuffer { byteLength: " + v.byteLength + " }";
    if (isArray(v)) {
      const items = v
        .slice(0, 100)
        .map((x: unknown) => show(x, seen, depth + 1))
        .join(", ");
      return "[" + items + (v.length > 100 ? ", ..." : "") + "]";
    }
    const record = v as Record<string, unknown>;
    const shown = keys(record)
      .slice(0, 50)
      .map((k) => k + ": " + show(record[k], seen, depth + 1));
    return shown.length ? "{ " + shown.join(", ") + " }" : "{}";
  }
  const open = { stdout: true, stderr: true };
  const dropped = { stdout: 0, stderr: 0 };
  const make =
    (stream: "stdout" | "stderr") =>
    (...args: unknown[]) => {
      // Once a stream is full only the NUMBER of further calls crosses over (in batches, so a
      // flood stays cheap): the host needs it to tell a flood (output_limit) from chatty code.
      if (!open[stream]) {
        if (++dropped[stream] % 1000 === 0) write(stream, null, 1000);
        return;
      }
      let text;
      try {
        text = args.map((a) => show(a, [], 0)).join(" ");
      } catch (e) {
        text = "[unprintable value]";
      }
      open[stream] = write(stream, prefix + text + "\n", 0) !== false;
    };
  const out = make("stdout"),
    err = make("stderr");
  globalThis.console = { log: out, info: out, debug: out, warn: err, error: err, trace: err } as unknown as Console;
}
