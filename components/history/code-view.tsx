/**
 * A submission's code with line numbers. Each line has an id (`<prefix>-L<n>`) so a compiler
 * diagnostic in the verdict can jump to it.
 */
export function CodeView({ code, idPrefix, label }: { code: string; idPrefix: string; label: string }) {
  const lines = code.replace(/\n$/, "").split("\n");
  return (
    <div
      className="overflow-x-auto rounded-lg border border-border bg-code-bg"
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      <pre className="py-2 font-mono text-[12.5px] leading-[1.6]">
        <code>
          {lines.map((line, i) => (
            <span
              key={i}
              id={`${idPrefix}-L${i + 1}`}
              className="flex target:bg-error-soft data-highlight:bg-error-soft"
            >
              <span className="w-12 shrink-0 pr-3 text-right text-muted/70 select-none" aria-hidden>
                {i + 1}
              </span>
              <span className="pr-4 whitespace-pre">{line || " "}</span>
            </span>
          ))}
        </code>
      </pre>
    </div>
  );
}
