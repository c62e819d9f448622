"use client";

import type { KeyboardEvent, PointerEvent } from "react";

type ResizeHandleProps = {
  /** Share of the container given to the pane below the handle, in percent. */
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  label: string;
};

/** A horizontal splitter: drag it, or focus it and use the arrow keys (WAI-ARIA window splitter). */
export function ResizeHandle({ value, min, max, onChange, label }: ResizeHandleProps) {
  const clamp = (v: number) => Math.min(max, Math.max(min, v));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const container = event.currentTarget.parentElement;
    if (!container) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const rect = container.getBoundingClientRect();
    const move = (e: globalThis.PointerEvent) => onChange(clamp(((rect.bottom - e.clientY) / rect.height) * 100));
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowUp: 5, ArrowDown: -5, Home: max - value, End: min - value }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    onChange(clamp(value + step));
  };

  return (
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      className="group relative z-10 -my-1 hidden h-2 shrink-0 cursor-row-resize touch-none focus-visible:outline-none lg:block"
    >
      <div className="absolute inset-x-0 top-1/2 h-px -translate-y-1/2 bg-border transition-colors group-hover:h-0.5 group-hover:bg-primary/60 group-focus-visible:h-0.5 group-focus-visible:bg-primary" />
    </div>
  );
}
