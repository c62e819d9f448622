import { describe, expect, it } from "vitest";
import { parseRustcOutput } from "./diagnostics.ts";

const span = (file: string, line: number, col: number) => ({ file_name: file, line_start: line, line_end: line, column_start: col, column_end: col + 4, is_primary: true, label: "here" });
const message = (level: string, file: string, code: string | null, text: string) =>
  JSON.stringify({ message: text, level, code: code ? { code } : null, spans: [span(file, 3, 9)], children: [{ message: "consider Arc", level: "help", spans: [], children: [] }] });

describe("parseRustcOutput", () => {
  it("maps the student's errors to 1-based diagnostics with code and help", () => {
    const report = parseRustcOutput(message("error", "/src/student.rs", "E0277", "`Rc<u8>` cannot be sent between threads safely"), "/src/student.rs");
    expect(report.diagnostics).toEqual([
      { severity: "error", code: "E0277", message: "`Rc<u8>` cannot be sent between threads safely: here\nhelp: consider Arc", line: 3, column: 9, endLine: 3, endColumn: 13 },
    ]);
  });

  it("never shows positions in the hidden tests, only the compiler's message", () => {
    const report = parseRustcOutput(message("error", "/src/exercise.rs", "E0425", "cannot find function `squares` in module `crate::student`"), "/src/student.rs");
    expect(report.diagnostics).toEqual([]);
    expect(report.errorsElsewhere).toEqual(["cannot find function `squares` in module `crate::student`"]);
  });
});
