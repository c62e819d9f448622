"use client";

import { Download } from "lucide-react";
import { useId, useState } from "react";
import type { Span, SpanKind } from "@/grader/contract";
import { CollapsibleSection } from "@/components/ui/collapsible";
import { formatMs } from "../format";
import { layoutLanes, summarize, toChromeTrace, type PlacedSpan } from "./layout";

// The task timeline: one lane per thread, a bar per span (overlapping tasks of one thread
// stacked in rows), waits hatched, stalls in the warning colour with their length. Percent
// coordinates keep it crisp at any width; hover or keyboard focus shows a span's details.

const ROW = 20;
const GAP = 3;
const KIND_LABEL: Record<SpanKind, string> = {
  run: "running",
  wait: "waiting",
  blocked: "blocking the event loop",
  lock: "waiting for a lock",
};

type TimelineProps = { spans: readonly Span[]; clock: "virtual" | "real"; testName: string; defaultOpen?: boolean };

export function Timeline({ spans, clock, testName, defaultOpen = false }: TimelineProps) {
  const uid = useId().replace(/:/g, "");
  const [active, setActive] = useState<PlacedSpan | null>(null);
  if (spans.length === 0) return null;
  const lanes = layoutLanes(spans);
  const total = Math.max(1e-6, ...spans.map((s) => s.end));
  const summary = summarize(spans);
  const kinds = [...new Set(spans.map((s) => s.kind))];
  const clockWord = clock === "virtual" ? "virtual" : "real";

  return (
    <CollapsibleSection
      className="mt-2.5"
      title="Timeline"
      defaultOpen={defaultOpen}
      meta={`${lanes.length} thread${lanes.length === 1 ? "" : "s"} · ${formatMs(total)} ${clockWord}`}
    >
      <div className="px-3 py-2.5" data-testid="timeline">
        <Headline summary={summary} clockWord={clockWord} />
        <svg width="0" height="0" className="absolute" aria-hidden>
          <defs>
            <pattern
              id={`hatch-${uid}`}
              patternUnits="userSpaceOnUse"
              width="6"
              height="6"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="var(--info)" fillOpacity="0.12" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="var(--info)" strokeWidth="2.5" strokeOpacity="0.7" />
            </pattern>
          </defs>
        </svg>
        <div
          className="mt-2 grid grid-cols-[max-content_1fr] items-start gap-x-3 gap-y-1.5"
          role="list"
          aria-label="Threads"
        >
          {lanes.map((lane) => (
            <LaneRow key={lane.thread} lane={lane} total={total} hatch={`url(#hatch-${uid})`} onActive={setActive} />
          ))}
          <span />
          <Axis total={total} />
        </div>
        <p className="mt-1.5 min-h-5 font-mono text-[11.5px] text-muted" aria-live="polite">
          {active
            ? `${active.task} · ${KIND_LABEL[active.kind]} · ${active.thread} · ${formatMs(active.start)} → ${formatMs(active.end)} (${formatMs(active.end - active.start)})`
            : "Hover or focus a bar for its details."}
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-3 text-[11.5px] text-muted">
          <ul className="flex flex-wrap gap-3" aria-label="Legend">
            {kinds.map((kind) => (
              <li key={kind} className="flex items-center gap-1.5">
                <svg width="16" height="10" aria-hidden>
                  <rect width="16" height="10" rx="2" {...barPaint(kind, `url(#hatch-${uid})`)} />
                </svg>
                {KIND_LABEL[kind]}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="ml-auto inline-flex cursor-pointer items-center gap-1 rounded-md px-1.5 py-0.5 hover:bg-surface-muted focus-visible:outline-2 focus-visible:outline-primary"
            onClick={() => downloadTrace(spans, testName)}
          >
            <Download className="size-3.5" aria-hidden /> Trace for Perfetto
          </button>
        </div>
      </div>
    </CollapsibleSection>
  );
}

function Headline({ summary, clockWord }: { summary: ReturnType<typeof summarize>; clockWord: string }) {
  const parts: string[] = [];
  if (summary.waits >= 2) {
    const overlapped = summary.overlappedMs < summary.serialMs * 0.9;
    parts.push(
      overlapped
        ? `${summary.waits} waits overlapped: ${formatMs(summary.overlappedMs)} of ${clockWord} time, not ${formatMs(summary.serialMs)} one after another.`
        : `${summary.waits} waits ran one after another: ${formatMs(summary.serialMs)} of ${clockWord} time.`,
    );
  }
  const threads = summary.threads;
  if (threads) {
    parts.push(
      threads.busyMs > threads.unionMs * 1.25
        ? `${threads.count} threads ran side by side: ${formatMs(threads.busyMs)} of thread time within ${formatMs(threads.unionMs)}.`
        : `${threads.count} threads ran mostly one after another: ${formatMs(threads.busyMs)} of thread time.`,
    );
  }
  const locks = summary.locks;
  if (locks) {
    parts.push(
      `${locks.threads === 1 ? "One thread" : `${locks.threads} threads`} slept in Atomics.wait ${locks.waits} time${locks.waits === 1 ? "" : "s"}, ≈${formatMs(locks.ms)} in all (waiting for a lock or a signal).`,
    );
  }
  const stall = summary.longestStall;
  if (stall)
    parts.push(
      `Longest stall: ${formatMs(stall.end - stall.start)} in ${stall.task} — nothing else could run meanwhile.`,
    );
  if (parts.length === 0) return null;
  return <p className="text-[13px] leading-relaxed">{parts.join(" ")}</p>;
}

function LaneRow({
  lane,
  total,
  hatch,
  onActive,
}: {
  lane: ReturnType<typeof layoutLanes>[number];
  total: number;
  hatch: string;
  onActive: (s: PlacedSpan | null) => void;
}) {
  const pct = (ms: number) => `${((ms / total) * 100).toFixed(3)}%`;
  const height = lane.rows * ROW + (lane.rows - 1) * GAP;
  return (
    <>
      <span className="max-w-44 truncate pt-0.5 font-mono text-[11.5px] text-muted" title={lane.thread}>
        {lane.thread}
      </span>
      <svg
        width="100%"
        height={height}
        role="listitem"
        aria-label={`${lane.thread}: ${lane.spans.length} spans`}
        data-testid="timeline-lane"
        className="overflow-visible"
      >
        <rect width="100%" height={height} rx="3" fill="var(--surface-muted)" />
        {lane.spans.map((span, i) => {
          const width = Math.max(total * 0.004, span.end - span.start);
          const y = span.row * (ROW + GAP);
          const label = span.kind === "blocked" ? `${span.task} · ${formatMs(span.end - span.start)}` : span.task;
          const wide = width / total > 0.14;
          return (
            <g
              key={i}
              tabIndex={0}
              data-kind={span.kind}
              data-testid={`span-${span.kind}`}
              aria-label={`${span.task}, ${KIND_LABEL[span.kind]}, ${formatMs(span.start)} to ${formatMs(span.end)}`}
              className="cursor-default outline-none focus-visible:[&>rect]:stroke-[var(--foreground)]"
              onMouseEnter={() => onActive(span)}
              onMouseLeave={() => onActive(null)}
              onFocus={() => onActive(span)}
              onBlur={() => onActive(null)}
            >
              <rect
                x={pct(span.start)}
                y={y + 1}
                width={pct(width)}
                height={ROW - 2}
                rx="2.5"
                strokeWidth="1.5"
                {...barPaint(span.kind, hatch)}
              />
              {wide ? (
                // A nested svg clips the label to its bar, so neighbouring labels never overprint.
                <svg
                  x={pct(span.start)}
                  y={y}
                  width={pct(width)}
                  height={ROW}
                  style={{ overflow: "hidden" }}
                  className="pointer-events-none"
                >
                  <text
                    x="5"
                    y={ROW / 2 + 4}
                    className="font-mono text-[10.5px]"
                    fill={span.kind === "wait" ? "var(--foreground)" : "var(--primary-foreground)"}
                  >
                    {label}
                  </text>
                </svg>
              ) : null}
            </g>
          );
        })}
      </svg>
    </>
  );
}

function Axis({ total }: { total: number }) {
  return (
    <div className="flex justify-between font-mono text-[10.5px] text-muted tabular-nums" aria-hidden>
      {[0, 0.25, 0.5, 0.75, 1].map((f) => (
        <span key={f}>{f === 0 ? "0" : formatMs(total * f)}</span>
      ))}
    </div>
  );
}

function barPaint(kind: SpanKind, hatch: string): { fill: string; fillOpacity?: number; stroke?: string } {
  switch (kind) {
    case "run":
      return { fill: "var(--primary)", fillOpacity: 0.9 };
    case "wait":
      return { fill: hatch, stroke: "var(--info)" };
    case "blocked":
      return { fill: "var(--error)", fillOpacity: 0.95, stroke: "var(--error)" };
    case "lock":
      return { fill: "var(--fail)", fillOpacity: 0.75 };
  }
}

function downloadTrace(spans: readonly Span[], testName: string): void {
  const blob = new Blob([toChromeTrace(spans, testName)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `${
    testName
      .replace(/[^a-z0-9]+/gi, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "trace"
  }.trace.json`;
  a.click();
  URL.revokeObjectURL(url);
}
