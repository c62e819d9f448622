import { Clock } from "lucide-react";
import type { RosterEntry } from "@/lib/classes/list-roster";

/** "3 of 5 done · 1 in progress · 2 late" with a bar; words, not just colour. */
export function ProgressSummary({ progress }: { progress: RosterEntry["progress"] }) {
  if (progress.total === 0) return <span className="text-sm text-muted">No assignments yet</span>;
  const percent = Math.round((progress.done / progress.total) * 100);
  return (
    <div className="flex min-w-44 flex-col gap-1.5">
      <div className="h-1.5 w-full overflow-hidden rounded-full bg-surface-muted" aria-hidden>
        <div className="h-full rounded-full bg-pass" style={{ width: `${percent}%` }} />
      </div>
      <p className="flex flex-wrap gap-x-2 text-xs text-muted">
        <span>
          <span className="font-medium text-foreground">{progress.done}</span> of {progress.total} done
        </span>
        {progress.attempted > 0 ? <span>· {progress.attempted} in progress</span> : null}
        {progress.late > 0 ? (
          <span className="inline-flex items-center gap-0.5 text-error">
            · <Clock className="size-3" aria-hidden /> {progress.late} late
          </span>
        ) : null}
      </p>
    </div>
  );
}
