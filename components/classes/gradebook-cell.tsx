import { Check, Clock } from "lucide-react";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { GradebookCellData } from "./gradebook-data";

/** Score bands of the heatmap; each also reads as a number and an icon, never colour alone. */
export function scoreBand(cell: Pick<GradebookCellData, "best" | "attempts" | "status">): {
  className: string;
  label: string;
} {
  if (cell.attempts === 0) return { className: "bg-transparent text-muted", label: "Not started" };
  if (cell.status === "passed" || (cell.best ?? 0) >= 1)
    return { className: "bg-pass-soft text-foreground", label: "Passed" };
  const best = cell.best ?? 0;
  if (best >= 0.5) return { className: "bg-error-soft text-foreground", label: "Half or more" };
  return { className: "bg-fail-soft text-foreground", label: "Below half" };
}

// Fixed zone, so server and browser render the same text; the full time is in the label.
const SHORT_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

export function percent(best: number | null): string {
  return best === null ? "–" : `${Math.round(best * 100)}`;
}

/** Exercise cells link to the student's submission history, quiz cells to the student's page. */
export function GradebookCell({ cell, href, title }: { cell: GradebookCellData; href: string | null; title: string }) {
  const band = scoreBand(cell);
  const doneWord = cell.status === "submitted" ? "submitted" : "passed";
  const description = [
    title,
    cell.attempts === 0 ? "not started" : `best ${percent(cell.best)}%`,
    `${cell.attempts} ${cell.attempts === 1 ? "attempt" : "attempts"}`,
    cell.doneAt ? `${doneWord} ${new Date(cell.doneAt).toISOString().slice(0, 16).replace("T", " ")} UTC` : null,
    cell.late ? "late" : null,
  ]
    .filter(Boolean)
    .join(", ");
  const className = cn(
    "flex h-12 min-w-16 flex-col items-center justify-center rounded-md px-1.5 leading-tight",
    band.className,
  );
  const content = (
    <>
      <span className="flex items-center gap-0.5 text-sm font-semibold tabular-nums">
        {cell.status === "passed" ? <Check className="size-3.5 text-pass" aria-hidden /> : null}
        {percent(cell.best)}
        {cell.late ? <Clock className="size-3.5 text-error" aria-hidden /> : null}
      </span>
      <span className="text-[11px] whitespace-nowrap text-muted tabular-nums">
        {cell.attempts === 0 ? "\u00a0" : `${cell.attempts}×`}
        {cell.doneAt ? ` · ${SHORT_DATE.format(new Date(cell.doneAt))}` : null}
      </span>
    </>
  );
  if (!href) {
    return (
      <div title={description} aria-label={description} role="img" className={className}>
        {content}
      </div>
    );
  }
  return (
    <Link
      href={href}
      title={description}
      aria-label={description}
      className={cn(className, "transition-shadow hover:ring-2 hover:ring-ring/60")}
    >
      {content}
    </Link>
  );
}
