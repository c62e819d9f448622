"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import type { CodeEditorProps, EditorApi } from "./code-editor";

const CodeEditor = dynamic(() => import("./code-editor"), { ssr: false, loading: () => null });

/**
 * The editor slot: shows the code as plain text until Monaco's chunk has loaded and mounted,
 * so the page is readable at once and nothing jumps.
 */
export function EditorPane({ className, onReady, ...props }: CodeEditorProps & { className?: string }) {
  const [ready, setReady] = useState(false);
  const handleReady = (api: EditorApi) => {
    setReady(true);
    onReady(api);
  };
  return (
    <div data-testid="editor" className={className}>
      <div className="relative h-full">
        {ready ? null : (
          <div className="absolute inset-0 overflow-hidden" aria-busy="true">
            <pre className="h-full overflow-hidden py-3 pl-[62px] font-mono text-[13.5px] leading-[21px] text-muted">
              {props.defaultValue}
            </pre>
            <span className="absolute top-3 right-4 rounded bg-surface-muted px-2 py-0.5 text-xs text-muted">
              Loading editor…
            </span>
          </div>
        )}
        <div className="absolute inset-0">
          <CodeEditor {...props} onReady={handleReady} />
        </div>
      </div>
    </div>
  );
}
