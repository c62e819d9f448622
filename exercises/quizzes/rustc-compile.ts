// A CompileSnippet backed by a local rustc. The snippets are our own reviewed content, not
// student code, so they need no sandbox; `--emit=metadata` type-checks without linking.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CompileResult, CompileSnippet } from "./verify-compile-claims.ts";

export function rustcCompiler(options: { rustc?: string } = {}): CompileSnippet {
  const rustc = options.rustc ?? "rustc";
  return async ({ source }) => {
    const dir = await mkdtemp(path.join(tmpdir(), "quiz-snippet-"));
    try {
      const file = path.join(dir, "main.rs");
      await writeFile(file, source);
      const args = [
        "--edition",
        "2021",
        "--crate-type",
        "bin",
        "--emit=metadata",
        "--error-format=json",
        "-A",
        "warnings",
        "--out-dir",
        dir,
        file,
      ];
      return await new Promise<CompileResult>((resolve) => {
        execFile(rustc, args, { timeout: 60_000 }, (error, _stdout, stderr) => {
          if (!error) return resolve({ ok: true });
          const messages = stderr.split("\n").flatMap((line) => {
            try {
              const parsed: unknown = JSON.parse(line);
              return typeof parsed === "object" && parsed !== null
                ? [parsed as { level?: string; code?: { code?: string } | null; message?: string }]
                : [];
            } catch {
              return [];
            }
          });
          const errors = messages.filter((m) => m.level === "error");
          const errorCodes = [...new Set(errors.flatMap((m) => (m.code?.code ? [m.code.code] : [])))];
          resolve({ ok: false, errorCodes, message: errors.map((m) => m.message).join("; ") || stderr.slice(0, 500) });
        });
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

/** Whether `rustc --version` runs. */
export function rustcAvailable(rustc = "rustc"): Promise<boolean> {
  return new Promise((resolve) => execFile(rustc, ["--version"], { timeout: 10_000 }, (error) => resolve(!error)));
}
