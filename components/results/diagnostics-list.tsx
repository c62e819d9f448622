import { CircleAlert, Info, TriangleAlert } from "lucide-react";
import type { Diagnostic } from "@/grader/contract";
import { cn } from "@/components/ui/cn";

const SEVERITY = {
  error: { Icon: CircleAlert, className: "text-fail" },
  warning: { Icon: TriangleAlert, className: "text-error" },
  info: { Icon: Info, className: "text-info" },
} as const;

/** Compiler messages; each one jumps to its line in the editor (where it is also marked). */
export function DiagnosticsList({
  diagnostics,
  onReveal,
}: {
  diagnostics: readonly Diagnostic[];
  onReveal: (line: number, column: number) => void;
}) {
  return (
    <section aria-label="Compiler diagnostics" className="rounded-lg border border-border">
      <h3 className="border-b border-border px-3 py-2 text-[13px] font-medium">
        Diagnostics <span className="font-normal text-muted">({diagnostics.length})</span>
      </h3>
      <ul className="divide-y divide-border">
        {diagnostics.map((d, i) => {
          const { Icon, className } = SEVERITY[d.severity];
          return (
            <li key={i}>
              <button
                type="button"
                onClick={() => onReveal(d.line, d.column)}
                className="flex w-full cursor-pointer items-start gap-2 px-3 py-2 text-left text-[13px] hover:bg-surface-muted"
              >
                <Icon className={cn("mt-0.5 size-4 shrink-0", className)} aria-label={d.severity} />
                <span className="shrink-0 font-mono text-xs text-muted tabular-nums">
                  {d.line}:{d.column}
                </span>
                <span className="min-w-0 flex-1 whitespace-pre-wrap">{d.message}</span>
                {d.code ? <span className="shrink-0 font-mono text-xs text-muted">{d.code}</span> : null}
              </button>
              {d.related && d.related.length > 0 ? (
                <ul aria-label="Related places" className="pb-1 pl-9">
                  {d.related.map((r, j) => (
                    <li key={j}>
                      <button
                        type="button"
                        onClick={() => onReveal(r.line, r.column)}
                        className="flex w-full cursor-pointer items-start gap-2 px-3 py-1 text-left text-xs text-muted hover:bg-surface-muted"
                      >
                        <span className="shrink-0 font-mono tabular-nums">
                          {r.line}:{r.column}
                        </span>
                        <span className="min-w-0 flex-1 whitespace-pre-wrap">{r.message}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
