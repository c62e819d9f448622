// A unified line diff between two attempts, computed on the server (the `diff` package) and
// shaped as rows the page renders: context lines around each change, old/new line numbers,
// and a hunk header per group of changes. Pure.
import { structuredPatch } from "diff";

export type DiffRow =
  | { kind: "hunk"; header: string }
  | { kind: "context" | "added" | "removed"; text: string; oldLine: number | null; newLine: number | null };

export type LineDiff = { rows: DiffRow[]; added: number; removed: number };

export function lineDiff(options: { before: string; after: string; context?: number }): LineDiff {
  const patch = structuredPatch("before", "after", withNewline(options.before), withNewline(options.after), "", "", {
    context: options.context ?? 3,
  });
  const rows: DiffRow[] = [];
  let added = 0;
  let removed = 0;
  for (const hunk of patch.hunks) {
    rows.push({ kind: "hunk", header: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@` });
    let oldLine = hunk.oldStart;
    let newLine = hunk.newStart;
    for (const line of hunk.lines) {
      const sign = line[0];
      const text = line.slice(1);
      if (sign === "+") {
        rows.push({ kind: "added", text, oldLine: null, newLine: newLine++ });
        added++;
      } else if (sign === "-") {
        rows.push({ kind: "removed", text, oldLine: oldLine++, newLine: null });
        removed++;
      } else if (sign === " ") {
        rows.push({ kind: "context", text, oldLine: oldLine++, newLine: newLine++ });
      }
      // "\ No newline at end of file" markers cannot occur: both sides end with a newline.
    }
  }
  return { rows, added, removed };
}

/** Code that lacks a final newline would otherwise show its last line as changed. */
function withNewline(code: string): string {
  return code.endsWith("\n") ? code : `${code}\n`;
}
