"use client";

import { History, X } from "lucide-react";
import { Kbd } from "@/components/ui/kbd";

export type RestoreNoticeKind = "restored" | "replaced";

const TEXT: Record<RestoreNoticeKind, { title: string; undo: string }> = {
  restored: { title: "Restored your unsaved changes from this browser.", undo: "brings back the saved version." },
  replaced: { title: "Opened the newer version saved from another device.", undo: "brings back this browser's copy." },
};

/** A quiet line under the toolbar after the page reconciled this browser's copy with the server's. */
export function RestoreNotice({ kind, onDismiss }: { kind: RestoreNoticeKind; onDismiss: () => void }) {
  const { title, undo } = TEXT[kind];
  return (
    <div
      role="status"
      data-testid="restore-notice"
      data-kind={kind}
      className="flex shrink-0 items-center gap-2 border-b border-border bg-info-soft px-3 py-1.5 text-xs text-foreground"
    >
      <History className="size-3.5 shrink-0 text-info" aria-hidden />
      <span className="min-w-0 truncate">
        {title}{" "}
        <span className="text-muted">
          <Kbd>Ctrl</Kbd> <Kbd>Z</Kbd> in the editor {undo}
        </span>
      </span>
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss"
        className="ml-auto cursor-pointer rounded p-0.5 text-muted hover:bg-surface-muted hover:text-foreground"
      >
        <X className="size-3.5" aria-hidden />
      </button>
    </div>
  );
}
