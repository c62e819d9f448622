// The gradebook as CSV (RFC 4180): one row per student, four columns per assignment. Cells a
// spreadsheet would run as a formula (=, +, -, @ first) are prefixed with a quote mark, since
// student names are chosen by students.
import type { Gradebook } from "./get-gradebook.ts";

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function gradebookCsv(gradebook: Gradebook): string {
  const header = ["student", "email", "joined_at", "total", "done"];
  for (const a of gradebook.assignments) {
    header.push(
      `${a.ref} score`,
      `${a.ref} attempts`,
      `${a.ref} ${a.kind === "quiz" ? "submitted_at" : "passed_at"}`,
      `${a.ref} late`,
    );
  }
  const lines = [header.map(csvField).join(",")];
  for (const row of gradebook.rows) {
    const fields: (string | number | boolean | null)[] = [
      row.name,
      row.email,
      row.joinedAt.toISOString(),
      round(row.total),
      row.done,
    ];
    for (const cell of row.cells) {
      fields.push(
        cell.best === null ? null : round(cell.best),
        cell.attempts,
        cell.doneAt?.toISOString() ?? null,
        cell.late,
      );
    }
    lines.push(fields.map(csvField).join(","));
  }
  // CRLF line ends and a BOM: what spreadsheet programs expect to read UTF-8 names correctly.
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
