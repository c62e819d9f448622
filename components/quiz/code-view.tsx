import { cn } from "@/components/ui/cn";

/**
 * Highlighted code (HTML produced on the server by shiki from our own quiz content) with line
 * numbers drawn by CSS from each line's data-line attribute.
 */
export function CodeView({ html, label, className }: { html: string; label?: string; className?: string }) {
  return (
    <div
      role="region"
      aria-label={label ?? "Code"}
      tabIndex={0}
      className={cn(
        "overflow-x-auto rounded-lg border border-border bg-code-bg py-3 font-mono text-[13px] leading-[1.6]",
        "[&_pre]:!bg-transparent [&_code]:block [&_code]:min-w-fit",
        "[&_.line]:inline-block [&_.line]:min-h-[1lh] [&_.line]:w-full [&_.line]:pr-4",
        "[&_.line]:before:mr-4 [&_.line]:before:inline-block [&_.line]:before:w-8 [&_.line]:before:pr-1 [&_.line]:before:text-right",
        "[&_.line]:before:text-muted/70 [&_.line]:before:content-[attr(data-line)] [&_.line]:before:select-none",
        className,
      )}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
