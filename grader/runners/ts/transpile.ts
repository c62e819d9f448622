// Student TypeScript -> an ES module for the isolate. esbuild strips types without checking
// them (fast, ~1 ms); syntax errors come back as diagnostics with 1-based positions.
import { transform, type Message } from "esbuild";
import type { Diagnostic } from "../../contract.ts";

/** `map`: the source map from `js` back to the TypeScript, for line numbers in messages. */
export type Transpiled = { ok: true; js: string; map: string } | { ok: false; diagnostics: Diagnostic[] };

export async function transpileStudentCode(options: { code: string; filename?: string }): Promise<Transpiled> {
  try {
    const result = await transform(options.code, {
      loader: "ts",
      format: "esm",
      target: "esnext",
      sourcefile: options.filename ?? "solution.ts",
      logLevel: "silent",
      sourcemap: "external",
    });
    return { ok: true, js: result.code, map: result.map };
  } catch (error) {
    const messages = esbuildErrors(error);
    if (messages === null) throw error;
    return { ok: false, diagnostics: messages.map(toDiagnostic) };
  }
}

function esbuildErrors(error: unknown): Message[] | null {
  if (typeof error !== "object" || error === null || !("errors" in error) || !Array.isArray(error.errors)) return null;
  return error.errors as Message[];
}

function toDiagnostic(message: Message): Diagnostic {
  const loc = message.location;
  const line = loc?.line ?? 1;
  const column = (loc?.column ?? 0) + 1;
  return {
    severity: "error",
    code: "esbuild",
    message: message.text,
    line,
    column,
    endLine: line,
    endColumn: column + Math.max(loc?.length ?? 0, 1),
  };
}

/** Position of the first occurrence of `needle` in the source, for diagnostics found later. */
export function locate(code: string, needle: string): Pick<Diagnostic, "line" | "column" | "endLine" | "endColumn"> {
  const index = Math.max(code.indexOf(needle), 0);
  const before = code.slice(0, index).split("\n");
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return { line, column, endLine: line, endColumn: column + Math.max(needle.length, 1) };
}

/**
 * esbuild gives a name that shadows an outer one a number (\`({ rx }) =>\` inside a function with
 * its own \`rx\` becomes \`({ rx: rx2 }) =>\`), so a runtime error would name \`rx2\`, which the
 * student never wrote. The renames, from each such name back to the student's: a name of the
 * JavaScript that is absent from the source, whose stem without the number is in it.
 */
export function renamedIdentifiers(source: string, js: string): Map<string, string> {
  const inSource = new Set(source.match(IDENTIFIER) ?? []);
  const renames = new Map<string, string>();
  for (const name of new Set(js.match(IDENTIFIER) ?? [])) {
    const stem = /^(.*\D)\d+$/.exec(name)?.[1];
    if (stem && !inSource.has(name) && inSource.has(stem)) renames.set(name, stem);
  }
  return renames;
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/g;

/** `text` with every renamed identifier (a whole word) given back its name in the source. */
export function withSourceNames(text: string, renames: Map<string, string>): string {
  if (renames.size === 0) return text;
  return text.replace(IDENTIFIER, (word) => renames.get(word) ?? word);
}
