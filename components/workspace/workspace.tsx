"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { Diagnostic } from "@/grader/contract";
import type { ExerciseHint } from "@/lib/exercises/schemas";
import type { SubmissionListItem } from "@/lib/submissions/schemas";
import type { EditorApi, EditorLib } from "@/components/editor/code-editor";
import { EditorPane } from "@/components/editor/editor-pane";
import { fetchSubmissionList } from "./api";
import { EditorToolbar } from "./editor-toolbar";
import { ResizeHandle } from "./resize-handle";
import { RestoreNotice, type RestoreNoticeKind } from "./restore-notice";
import { ResultsTabs } from "./results-tabs";
import { useAutosave } from "./use-autosave";
import { useSubmission } from "./use-submission";

export type WorkspaceProps = {
  exercise: { id: string; language: "typescript" | "rust"; starter: string; hints: readonly ExerciseHint[] };
  initialCode: string;
  draftSavedAt: string | null;
  initialHistory: SubmissionListItem[];
  /** The session's user, null on a first visit (the browser creates an anonymous one). */
  userId: string | null;
  /** Declarations of the modules the runner provides (TypeScript exercises). */
  editorTypes: EditorLib[];
  /** Server-rendered statement column. */
  statement: ReactNode;
};

const NO_DIAGNOSTICS: Diagnostic[] = [];

/** The exercise page's interactive part: editor, autosave, submit, live results and history. */
export function Workspace(props: WorkspaceProps) {
  const { exercise, initialCode, draftSavedAt, initialHistory, userId, editorTypes, statement } = props;
  const editor = useRef<EditorApi | null>(null);
  const code = useRef(initialCode);
  const [editorReady, setEditorReady] = useState(false);
  const [history, setHistory] = useState(initialHistory);
  const [tab, setTab] = useState("result");
  const [resultsShare, setResultsShare] = useState(42);
  const [notice, setNotice] = useState<RestoreNoticeKind | null>(null);
  const applyingRestore = useRef(false);

  const autosave = useAutosave({ exerciseId: exercise.id, userId, savedCode: initialCode, savedAt: draftSavedAt });

  const refreshHistory = useCallback(() => {
    fetchSubmissionList(exercise.id).then(setHistory, () => {});
  }, [exercise.id]);
  const { view, submit, open } = useSubmission({ exerciseId: exercise.id, onSettled: refreshHistory });

  // Show the latest verdict again when the student comes back to the exercise.
  const latestOnLoad = initialHistory[0]?.id;
  useEffect(() => {
    if (latestOnLoad) open(latestOnLoad);
  }, [latestOnLoad, open]);

  const inProgress =
    view.kind === "submitting" || (view.kind === "submission" && view.submission.run.state !== "done" && !view.stale);

  const handleSubmit = useCallback(() => {
    if (inProgress) return;
    setTab("result");
    void submit(editor.current?.getValue() ?? code.current);
  }, [inProgress, submit]);

  // Ctrl/Cmd+Enter anywhere on the page (Monaco handles it itself while focused).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
      event.preventDefault();
      handleSubmit();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [handleSubmit]);

  const onChange = (value: string) => {
    code.current = value;
    if (!applyingRestore.current) autosave.onChange(value);
  };
  // The copy that lost (this browser's or the server's) goes one undo step back, so Ctrl+Z
  // brings it back; the editor opened with the server's.
  const restoreDraft = (api: EditorApi) => {
    const { code: winner, previous, notice } = autosave.restore();
    applyingRestore.current = true;
    if (previous !== null && previous !== initialCode) api.replaceAll(previous);
    if (winner !== initialCode || previous !== null) api.replaceAll(winner);
    applyingRestore.current = false;
    setNotice(notice);
  };
  const replaceCode = (text: string) => {
    if (editor.current) editor.current.replaceAll(text);
    else onChange(text);
  };

  const viewed = view.kind === "submission" ? view.submission : null;
  const diagnostics = viewed?.run.result?.diagnostics ?? NO_DIAGNOSTICS;

  return (
    <div className="flex flex-1 flex-col lg:h-[calc(100dvh-3.5rem)] lg:min-h-[560px] lg:flex-none lg:flex-row">
      <aside
        aria-label="Exercise statement"
        className="border-b border-border bg-surface lg:w-[40%] lg:max-w-[680px] lg:min-w-[380px] lg:overflow-y-auto lg:border-r lg:border-b-0"
      >
        {statement}
      </aside>
      <section aria-label="Your solution" className="flex min-h-0 min-w-0 flex-1 flex-col">
        <EditorToolbar
          fileName={exercise.language === "rust" ? "solution.rs" : "solution.ts"}
          saveState={autosave.state}
          busy={inProgress}
          canReset={editorReady}
          onReset={() => replaceCode(exercise.starter)}
          onSubmit={handleSubmit}
        />
        {notice ? <RestoreNotice kind={notice} onDismiss={() => setNotice(null)} /> : null}
        <EditorPane
          className="h-[60vh] min-h-[240px] bg-surface lg:h-auto lg:flex-1"
          language={exercise.language}
          defaultValue={initialCode}
          diagnostics={diagnostics}
          extraLibs={editorTypes}
          onChange={onChange}
          onSubmit={handleSubmit}
          onReady={(api) => {
            editor.current = api;
            restoreDraft(api);
            setEditorReady(true);
          }}
        />
        <ResizeHandle value={resultsShare} min={18} max={80} onChange={setResultsShare} label="Resize results panel" />
        <ResultsTabs
          tab={tab}
          onTabChange={setTab}
          share={resultsShare}
          view={view}
          history={history}
          onOpen={open}
          onReveal={(line, column) => editor.current?.revealPosition(line, column)}
          onRestore={replaceCode}
          help={{ exerciseId: exercise.id, hints: exercise.hints }}
        />
      </section>
    </div>
  );
}
