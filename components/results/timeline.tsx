"use client";

import type { Span, SpanKind } from "@/grader/contract";
import { CollapsibleSection } from "@/components/ui/collapsible";
import { formatMs } from "./format";

// A first, simple task timeline: one lane per thread, one bar per span. It is deliberately a
// self-contained slot (props in, SVG out) so a richer view can replace it without touching
// the results panel.

const KIND_STYLE: Record<SpanKind, { fill: string; opacity: number; label: string; dash?: string }> = {
  run: { fill: "var(--primary)", opacity: 0.9, label: "running" },
  wait: { fill: "var(--info)", opacity: 0.35, label: "waiting", dash: "3 2" },
  blocked: { fill: "var(--fail)", opacity: 0.85, label: "blocked" },
  lock: { fill: "var(--error)", opacity: 0.8, label: "holding / waiting for a lock" },
};

const LANE_HEIGHT = 18;

type TimelineProps = { spans: readonly Span[]; clock: "virtual" | "real"; defaultOpen?: boolean };

export function Timeline({ spans, clock, defaultOpen = false }: TimelineProps) {
  if (spans.length === 0) return null;
  const threads = [...new Set(spans.map((s) => s.thread))];
  const total = Math.max(1e-6, ...spans.map((s) => s.end));
  const kinds = [...new Set(spans.map((s) => s.kind))];

  return (
    <CollapsibleSection
      className="mt-2.5"
      title="Timeline"
      defaultOpen={defaultOpen}
      meta={`${threads.length} thread${threads.length === 1 ? "" : "s"} · ${formatMs(total)} ${clock === "virtual" ? "virtual" : "real"}`}
    >
      <div className="px-3 py-2.5">
        <div className="grid grid-cols-[max-content_1fr] items-center gap-x-3 gap-y-1">
          {threads.map((thread) => (
            <Lane key={thread} thread={thread} spans={spans.filter((s) => s.thread === thread)} total={total} />
          ))}
          <span />
          <div className="flex justify-between font-mono text-[10.5px] text-muted tabular-nums">
            <span>0</span>
            <span>{formatMs(total / 2)}</span>
            <span>{formatMs(total)}</span>
          </div>
        </div>
        <ul className="mt-2 flex flex-wrap gap-3 text-[11.5px] text-muted" aria-label="Legend">
          {kinds.map((kind) => (
            <li key={kind} className="flex items-center gap-1.5">
              <svg width="14" height="8" aria-hidden>
                <rect width="14" height="8" rx="2" fill={KIND_STYLE[kind].fill} fillOpacity={KIND_STYLE[kind].opacity} />
              </svg>
              {KIND_STYLE[kind].label}
            </li>
          ))}
        </ul>
      </div>
    </CollapsibleSection>
  );
}

function Lane({ thread, spans, total }: { thread: string; spans: readonly Span[]; total: number }) {
  const pct = (ms: number) => `${((ms / total) * 100).toFixed(3)}%`;
  return (
    <>
      <span className="max-w-40 truncate font-mono text-[11.5px] text-muted" title={thread}>
        {thread}
      </span>
      <svg width="100%" height={LANE_HEIGHT} role="img" aria-label={`${thread}: ${spans.length} spans`} className="overflow-visible">
        <rect width="100%" height={LANE_HEIGHT} rx="3" fill="var(--surface-muted)" />
        {spans.map((span, i) => {
          const style = KIND_STYLE[span.kind];
          return (
            <rect
              key={i}
              x={pct(span.start)}
              y={2}
              width={pct(Math.max(total * 0.003, span.end - span.start))}
              height={LANE_HEIGHT - 4}
              rx="2"
              fill={style.fill}
              fillOpacity={style.opacity}
              stroke={style.dash ? style.fill : undefined}
              strokeDasharray={style.dash}
            >
              <title>{`${span.task} — ${style.label}\n${formatMs(span.start)} → ${formatMs(span.end)} (${formatMs(span.end - span.start)})`}</title>
            </rect>
          );
        })}
      </svg>
    </>
  );
}
