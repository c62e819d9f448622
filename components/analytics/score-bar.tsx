import { cn } from "@/components/ui/cn";

/** A small inline meter for a 0–1 value; the number beside it carries the meaning. */
export function ScoreBar({ value, className }: { value: number | null; className?: string }) {
  const width = value === null ? 0 : Math.max(0, Math.min(1, value)) * 100;
  return (
    <span
      className={cn("inline-block h-1.5 w-16 overflow-hidden rounded-full bg-surface-muted align-middle", className)}
      aria-hidden
    >
      <span className="block h-full rounded-full bg-primary/80" style={{ width: `${width}%` }} />
    </span>
  );
}
