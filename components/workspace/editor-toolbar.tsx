"use client";

import { FileCode2, LoaderCircle, Play, RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Kbd } from "@/components/ui/kbd";
import { SaveIndicator } from "./save-indicator";
import type { SaveState } from "./use-autosave";

type EditorToolbarProps = {
  fileName: string;
  saveState: SaveState;
  busy: boolean;
  canReset: boolean;
  onReset: () => void;
  onSubmit: () => void;
};

export function EditorToolbar({ fileName, saveState, busy, canReset, onReset, onSubmit }: EditorToolbarProps) {
  return (
    <div
      className="flex h-12 shrink-0 items-center gap-3 border-b border-border bg-surface px-3"
      role="toolbar"
      aria-label="Editor"
    >
      <span className="flex items-center gap-1.5 rounded-md bg-surface-muted px-2 py-1 font-mono text-xs">
        <FileCode2 className="size-3.5 text-muted" aria-hidden />
        {fileName}
      </span>
      <SaveIndicator state={saveState} />
      <div className="ml-auto flex items-center gap-2">
        <ConfirmDialog
          title="Reset to the starter code?"
          description="Your code in the editor is replaced by the starter. Your submissions are kept, and Ctrl+Z in the editor brings your code back."
          confirmLabel="Reset code"
          tone="danger"
          onConfirm={onReset}
          trigger={
            <Button size="sm" variant="ghost" disabled={!canReset}>
              <RotateCcw aria-hidden />
              Reset
            </Button>
          }
        />
        <Button
          size="sm"
          variant="primary"
          onClick={onSubmit}
          disabled={busy}
          aria-keyshortcuts="Control+Enter Meta+Enter"
        >
          {busy ? <LoaderCircle className="animate-spin" aria-hidden /> : <Play aria-hidden />}
          Submit
          <span aria-hidden className="ml-1 hidden items-center gap-0.5 sm:flex">
            <Kbd className="border-primary-foreground/30">Ctrl</Kbd>
            <Kbd className="border-primary-foreground/30">↵</Kbd>
          </span>
        </Button>
      </div>
    </div>
  );
}
