import { describe, expect, it } from "vitest";
import { parseRustcOutput } from "./diagnostics.ts";

const span = (file: string, line: number, col: number) => ({
  file_name: file,
  line_start: line,
  line_end: line,
  column_start: col,
  column_end: col + 4,
  is_primary: true,
  label: "here",
});
const message = (level: string, file: string, code: string | null, text: string) =>
  JSON.stringify({
    message: text,
    level,
    code: code ? { code } : null,
    spans: [span(file, 3, 9)],
    children: [{ message: "consider Arc", level: "help", spans: [], children: [] }],
  });

describe("parseRustcOutput", () => {
  it("maps the student's errors to 1-based diagnostics with code and help", () => {
    const report = parseRustcOutput(
      message("error", "/src/student.rs", "E0277", "`Rc<u8>` cannot be sent between threads safely"),
      "/src/student.rs",
    );
    expect(report.diagnostics).toEqual([
      {
        severity: "error",
        code: "E0277",
        message: "`Rc<u8>` cannot be sent between threads safely: here\nhelp: consider Arc",
        line: 3,
        column: 9,
        endLine: 3,
        endColumn: 13,
      },
    ]);
  });

  it("never shows positions in the hidden tests, only the compiler's message", () => {
    const report = parseRustcOutput(
      message("error", "/src/exercise.rs", "E0425", "cannot find function `squares` in module `crate::student`"),
      "/src/student.rs",
    );
    expect(report.diagnostics).toEqual([]);
    expect(report.errorsElsewhere).toEqual(["cannot find function `squares` in module `crate::student`"]);
  });

  it("underlines only the first line of a multi-line span and names places by line", () => {
    const closure = {
      file_name: "/src/student.rs",
      line_start: 13,
      line_end: 17,
      column_start: 36,
      column_end: 10,
      is_primary: true,
      label: null,
      text: [{ text: "        handles.push(thread::spawn(move || {  ", highlight_start: 36, highlight_end: 47 }],
    };
    const line = JSON.stringify({
      message: "`Rc<Vec<u64>>` cannot be sent between threads safely",
      level: "error",
      code: { code: "E0277" },
      spans: [closure],
      children: [
        {
          message:
            "within `{closure@/src/student.rs:13:36: 13:43}`, the trait `Send` is not implemented for `Rc<Vec<u64>>`",
          level: "help",
          spans: [],
          children: [],
        },
      ],
    });
    const [diagnostic] = parseRustcOutput(line, "/src/student.rs").diagnostics;
    expect(diagnostic).toMatchObject({ line: 13, column: 36, endLine: 13, endColumn: 45 });
    expect(diagnostic?.message).toContain("{closure@line 13:36: 13:43}");
  });

  it("keeps the compiler's labelled secondary spans in the student's file as related places", () => {
    const at = (file: string, line: number, col: number, primary: boolean, label: string | null) => ({
      file_name: file,
      line_start: line,
      line_end: line,
      column_start: col,
      column_end: col + 5,
      is_primary: primary,
      label,
    });
    const line = JSON.stringify({
      message: "future cannot be sent between threads safely",
      level: "error",
      code: null,
      spans: [
        at("/src/student.rs", 9, 5, true, "future created by async block is not `Send`"),
        at("/src/student.rs", 7, 13, false, "has type `MutexGuard<'_, u64>` which is not `Send`"),
        at("/crate-x/exercise.rs", 40, 1, false, "hidden"),
      ],
      children: [
        {
          message: "future is not `Send` as this value is used across an await",
          level: "note",
          spans: [at("/src/student.rs", 8, 20, false, "await occurs here, with `guard` maybe used later")],
          children: [],
        },
      ],
    });
    const [diagnostic] = parseRustcOutput(line, "/src/student.rs").diagnostics;
    expect(diagnostic?.related).toEqual([
      { message: "has type `MutexGuard<'_, u64>` which is not `Send`", line: 7, column: 13, endLine: 7, endColumn: 18 },
      { message: "await occurs here, with `guard` maybe used later", line: 8, column: 20, endLine: 8, endColumn: 25 },
    ]);
  });
});
