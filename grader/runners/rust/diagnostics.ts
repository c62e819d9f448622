// rustc --error-format=json → GradeResult diagnostics for the student's file (1-based ranges,
// the code such as E0277, the message with the compiler's notes and help), plus the errors it
// reports in the hidden tests, which mean the student's file lacks an item they call.
import { z } from "zod";
import type { Diagnostic, RelatedSpan } from "../../contract.ts";

const RustSpan = z.object({
  file_name: z.string(),
  line_start: z.number().int(),
  line_end: z.number().int(),
  column_start: z.number().int(),
  column_end: z.number().int(),
  is_primary: z.boolean(),
  label: z.string().nullable().optional(),
  text: z
    .array(z.object({ text: z.string(), highlight_start: z.number().int(), highlight_end: z.number().int() }))
    .optional(),
});

type RustSpan = z.infer<typeof RustSpan>;

/**
 * The range to underline. A multi-line primary span (E0277 points at a whole closure) would
 * underline a block of code; its first line (`move || {`) is where the student's eye should go.
 */
function underline(span: RustSpan): Pick<Diagnostic, "line" | "column" | "endLine" | "endColumn"> {
  const line = Math.max(1, span.line_start);
  const column = Math.max(1, span.column_start);
  if (span.line_end <= span.line_start)
    return { line, column, endLine: line, endColumn: Math.max(column + 1, span.column_end) };
  const first = span.text?.[0];
  const endColumn = first
    ? Math.max(column + 1, Math.min(first.highlight_end, first.text.trimEnd().length + 1))
    : column + 1;
  return { line, column, endLine: line, endColumn };
}

type RustMessage = {
  message: string;
  level: string;
  code?: { code: string } | null;
  spans: z.infer<typeof RustSpan>[];
  children: RustMessage[];
};
const RustMessage: z.ZodType<RustMessage> = z.lazy(() =>
  z.object({
    message: z.string(),
    level: z.string(),
    code: z.object({ code: z.string() }).nullable().optional(),
    spans: z.array(RustSpan),
    children: z.array(RustMessage),
  }),
);

/**
 * rustc's secondary spans with a label, in the student's file: the other half of the story
 * ("await occurs here, with `guard` maybe used later", "borrow later used here"). Spans of the
 * message's children (notes pointing somewhere) count too; positions in hidden files never do.
 */
function relatedSpans(m: RustMessage, primary: RustSpan, studentFile: string): RelatedSpan[] {
  const spans = [
    ...m.spans.filter((s) => s !== primary),
    ...m.children.flatMap((c) => c.spans.map((s) => ({ ...s, label: s.label ?? c.message }))),
  ];
  const seen = new Set<string>();
  const out: RelatedSpan[] = [];
  for (const s of spans) {
    if (s.file_name !== studentFile || !s.label) continue;
    const place = underline(s);
    const key = `${place.line}:${place.column}:${s.label}`;
    if (
      seen.has(key) ||
      (place.line === primary.line_start && place.column === primary.column_start && s.label === primary.label)
    )
      continue;
    seen.add(key);
    out.push({ message: s.label.replaceAll(`${studentFile}:`, "line ").slice(0, 1000), ...place });
  }
  return out.slice(0, 10);
}

export type CompileReport = { diagnostics: Diagnostic[]; errorsElsewhere: string[]; errorCount: number };

const SEVERITY: Record<string, Diagnostic["severity"] | undefined> = {
  error: "error",
  warning: "warning",
  note: "info",
  help: "info",
};

/** Reads rustc's JSON lines; `studentFile` is the path rustc saw for the student's code. */
export function parseRustcOutput(stderr: string, studentFile: string): CompileReport {
  const report: CompileReport = { diagnostics: [], errorsElsewhere: [], errorCount: 0 };
  for (const line of stderr.split("\n")) {
    if (!line.startsWith("{")) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = RustMessage.safeParse(json);
    if (!parsed.success) continue;
    const m = parsed.data;
    const severity = SEVERITY[m.level];
    if (!severity || m.spans.length === 0) continue;
    if (m.level === "error") report.errorCount += 1;
    const primary = m.spans.find((s) => s.is_primary) ?? m.spans[0];
    if (!primary) continue;
    if (primary.file_name !== studentFile) {
      // Never show positions or text of the hidden tests: only the compiler's one-line message.
      if (m.level === "error") report.errorsElsewhere.push(m.message);
      continue;
    }
    const label = primary.label && primary.label !== m.message ? `: ${primary.label}` : "";
    // "the lint level is defined here" points into the generated crate root, not the student's file.
    const notes = m.children
      .filter((c) => c.message.trim() !== "" && !c.message.includes("lint level is defined here"))
      .map((c) => `${c.level}: ${c.message}`);
    if (m.code?.code === "unsafe_code") notes.push("note: unsafe code is not accepted in submissions");
    // rustc names places as "/src/student.rs:13:36"; the student knows the file as "line 13:36".
    const message = [`${m.message}${label}`, ...notes].join("\n").replaceAll(`${studentFile}:`, "line ");
    const related = relatedSpans(m, primary, studentFile);
    report.diagnostics.push({
      severity,
      ...(m.code?.code ? { code: m.code.code } : {}),
      message: message.slice(0, 4000),
      ...underline(primary),
      ...(related.length > 0 ? { related } : {}),
    });
  }
  return report;
}
