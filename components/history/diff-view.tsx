import { Minus, Plus } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { LineDiff } from "@/lib/analytics/line-diff";

const ROW = {
  added: { sign: "+", className: "bg-pass-soft", signClass: "text-pass", label: "added" },
  removed: { sign: "−", className: "bg-fail-soft", signClass: "text-fail", label: "removed" },
  context: { sign: " ", className: "", signClass: "text-muted", label: "" },
} as const;

/** A unified line diff rendered on the server: +/− signs and words, not only colour. */
export function DiffView({ diff, fromLabel, label }: { diff: LineDiff; fromLabel: string; label: string }) {
  if (diff.rows.length === 0) {
    return <p className="rounded-lg border border-border px-3 py-2.5 text-sm text-muted">Same code as {fromLabel}.</p>;
  }
  return (
    <div className="flex flex-col gap-2">
      <p className="flex items-center gap-3 text-[13px] text-muted">
        <span>Changes since {fromLabel}:</span>
        <span className="inline-flex items-center gap-1 text-pass">
          <Plus className="size-3.5" aria-hidden /> {diff.added} line{diff.added === 1 ? "" : "s"} added
        </span>
        <span className="inline-flex items-center gap-1 text-fail">
          <Minus className="size-3.5" aria-hidden /> {diff.removed} removed
        </span>
      </p>
      <div
        className="overflow-x-auto rounded-lg border border-border bg-code-bg"
        role="region"
        aria-label={label}
        tabIndex={0}
      >
        <table className="w-full border-collapse font-mono text-[12.5px] leading-[1.6]">
          <tbody>
            {diff.rows.map((row, i) =>
              row.kind === "hunk" ? (
                <tr key={i} className="bg-info-soft/60 text-info">
                  <td colSpan={4} className="px-3 py-0.5 text-[11.5px]">
                    {row.header}
                  </td>
                </tr>
              ) : (
                <tr key={i} className={ROW[row.kind].className}>
                  <td className="w-10 pr-2 text-right text-muted/70 select-none">{row.oldLine ?? ""}</td>
                  <td className="w-10 pr-2 text-right text-muted/70 select-none">{row.newLine ?? ""}</td>
                  <td className={cn("w-5 text-center select-none", ROW[row.kind].signClass)}>
                    <span aria-hidden>{ROW[row.kind].sign}</span>
                    {ROW[row.kind].label ? <span className="sr-only">{ROW[row.kind].label}</span> : null}
                  </td>
                  <td className="pr-4 whitespace-pre">{row.text || " "}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
