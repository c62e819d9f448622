"use client";

// The Monaco editor itself. Imported only through next/dynamic with ssr:false (editor-pane.tsx):
// Monaco touches `window` at import time and weighs megabytes the statement should not wait on.
import Editor, { type OnMount } from "@monaco-editor/react";
import { useTheme } from "next-themes";
import { useEffect, useRef } from "react";
import type { Diagnostic } from "@/grader/contract";
import { monaco, registerExtraLibs } from "./monaco-setup";

export type EditorApi = {
  getValue: () => string;
  /** Replaces the whole text as one undoable edit. */
  replaceAll: (text: string) => void;
  revealPosition: (line: number, column: number) => void;
};

export type EditorLib = { path: string; content: string };

export type CodeEditorProps = {
  language: "typescript" | "rust";
  /** Ambient declarations for modules the runner provides (e.g. "interleave"). */
  extraLibs: readonly EditorLib[];
  defaultValue: string;
  diagnostics: readonly Diagnostic[];
  onChange: (code: string) => void;
  onSubmit: () => void;
  onReady: (api: EditorApi) => void;
};

const MARKER_OWNER = "interleave-grader";
const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

export default function CodeEditor(props: CodeEditorProps) {
  const { language, extraLibs, defaultValue, diagnostics, onChange, onSubmit, onReady } = props;
  const { resolvedTheme } = useTheme();
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // Monaco keeps the first callbacks it is given; route them through refs to stay current.
  const onSubmitRef = useRef(onSubmit);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onSubmitRef.current = onSubmit;
    onChangeRef.current = onChange;
  });

  const handleMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.addAction({
      id: "interleave.submit",
      label: "Submit for grading",
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => onSubmitRef.current(),
    });
    // Geist Mono may finish loading after Monaco measured the fallback font.
    void document.fonts.ready.then(() => monaco.editor.remeasureFonts());
    onReady({
      getValue: () => editor.getValue(),
      replaceAll: (text) => {
        const model = editor.getModel();
        if (!model) return;
        editor.pushUndoStop();
        editor.executeEdits("reset", [{ range: model.getFullModelRange(), text }]);
        editor.pushUndoStop();
        editor.setPosition({ lineNumber: 1, column: 1 });
      },
      revealPosition: (lineNumber, column) => {
        editor.revealPositionInCenter({ lineNumber, column });
        editor.setPosition({ lineNumber, column });
        editor.focus();
      },
    });
  };

  useEffect(() => registerExtraLibs(extraLibs), [extraLibs]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      diagnostics.map((d) => ({
        severity: SEVERITY[d.severity],
        message: d.code ? `${d.message} (${d.code})` : d.message,
        startLineNumber: d.line,
        startColumn: d.column,
        endLineNumber: d.endLine,
        endColumn: Math.max(d.endColumn, d.line === d.endLine ? d.column + 1 : d.endColumn),
        source: "grader",
        relatedInformation: (d.related ?? []).map((r) => ({
          resource: model.uri,
          message: r.message,
          startLineNumber: r.line,
          startColumn: r.column,
          endLineNumber: r.endLine,
          endColumn: Math.max(r.endColumn, r.column + 1),
        })),
      })),
    );
  }, [diagnostics]);

  return (
    <Editor
      height="100%"
      language={language}
      path={language === "rust" ? "file:///solution.rs" : "file:///solution.ts"}
      defaultValue={defaultValue}
      theme={resolvedTheme === "dark" ? "interleave-dark" : "interleave-light"}
      onMount={handleMount}
      onChange={(value) => onChangeRef.current(value ?? "")}
      loading={null}
      options={{
        ariaLabel: "Solution code editor. Press Control+Enter to submit; Control+M toggles Tab moving focus.",
        fontFamily: "var(--font-geist-mono), ui-monospace, monospace",
        fontSize: 13.5,
        lineHeight: 21,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        padding: { top: 12, bottom: 12 },
        tabSize: 2,
        automaticLayout: true,
        fixedOverflowWidgets: true,
        renderLineHighlight: "line",
        smoothScrolling: true,
        stickyScroll: { enabled: false },
        // The classic hidden textarea, not Chromium's experimental EditContext: one input path
        // in every browser, and the one screen readers and test drivers know.
        editContext: false,
      }}
    />
  );
}
