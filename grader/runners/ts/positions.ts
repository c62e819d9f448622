// Stack frames of the student's code, as the student wrote it: TypeScript line numbers (through
// esbuild's source map), only the student's own frames (never the harness's or the host's,
// whose paths are none of the student's business), and workers' frames placed in the module.
import { SourceMap } from "node:module";

/** A frame as V8 prints it: "at name (file:line:col)" or "at file:line:col". */
const FRAME = /^\s*at (?:(.*?) \()?([^()\s]+):(\d+):(\d+)\)?$/;
export const MODULE_FILE = "solution.js";

export class StudentPositions {
  private sourceMap: SourceMap | null = null;
  /** Where each worker's function text starts in the module's JavaScript (0-based line, column). */
  private readonly workers = new Map<string, { line: number; column: number }>();

  constructor(
    private readonly js: string,
    map: string | undefined,
  ) {
    try {
      if (map) this.sourceMap = new SourceMap(JSON.parse(map) as ConstructorParameters<typeof SourceMap>[0]);
    } catch {
      this.sourceMap = null;
    }
  }

  /** A worker's file evaluates "(" + source + "\n)": its positions are the module's, shifted. */
  addWorker(file: string, source: string): void {
    const index = this.js.indexOf(source);
    if (index < 0) return;
    const before = this.js.slice(0, index).split("\n");
    this.workers.set(file, { line: before.length - 1, column: (before.at(-1)?.length ?? 0) - 1 });
  }

  /** "line 5 in fetchAll" for each of the student's frames in `stack`, innermost first. */
  frames(stack: string): string[] {
    const out: string[] = [];
    for (const text of stack.split("\n").slice(1)) {
      const m = FRAME.exec(text);
      if (!m) continue;
      const [, name, file, line, column] = m;
      const where = this.locate(file ?? "", Number(line) - 1, Number(column) - 1);
      if (where === null) continue;
      const fn = (name ?? "").replace(/^async /, "").replace(/^Object\./, "");
      out.push(fn && fn !== "<anonymous>" ? `line ${where} in ${fn.slice(0, 60)}` : `line ${where}`);
      if (out.length >= 6) break;
    }
    return out;
  }

  /** 1-based TypeScript line of a 0-based position in one of the student's files, or null. */
  private locate(file: string, line: number, column: number): number | null {
    let at = { line, column };
    if (file !== MODULE_FILE) {
      const base = this.workers.get(file);
      if (!base) return null;
      at = line === 0 ? { line: base.line, column: base.column + column } : { line: base.line + line, column };
    }
    if (!this.sourceMap) return at.line + 1;
    const entry = this.sourceMap.findEntry(at.line, Math.max(at.column, 0));
    return "originalLine" in entry && typeof entry.originalLine === "number" ? entry.originalLine + 1 : null;
  }
}
