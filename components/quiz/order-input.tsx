"use client";

import { ArrowDown, ArrowUp, GripVertical } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";

type Line = { id: string; text: string };

/**
 * Reorder lines without a mouse: each line has move up/down buttons, and a focused line moves
 * with Alt+ArrowUp / Alt+ArrowDown. Focus follows the moved line; a live region announces it.
 */
export function OrderInput({
  lines,
  order,
  onChange,
  label,
}: {
  lines: Line[];
  order: string[];
  onChange: (order: string[]) => void;
  label: string;
}) {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const refs = useRef(new Map<string, HTMLLIElement>());
  const [focusId, setFocusId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    if (focusId) refs.current.get(focusId)?.focus();
  }, [focusId, order]);

  function move(id: string, delta: number, keepFocus: boolean) {
    const from = order.indexOf(id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= order.length) return;
    const next = [...order];
    next.splice(from, 1);
    next.splice(to, 0, id);
    onChange(next);
    if (keepFocus) setFocusId(id);
    setAnnouncement(`Moved "${byId.get(id)?.text ?? id}" to position ${to + 1} of ${order.length}.`);
  }

  return (
    <div>
      <ol aria-label={label} className="flex flex-col gap-2">
        {order.map((id, index) => {
          const line = byId.get(id);
          if (!line) return null;
          return (
            <li
              key={id}
              ref={(node) => {
                if (node) refs.current.set(id, node);
                else refs.current.delete(id);
              }}
              tabIndex={0}
              aria-label={`${line.text}, position ${index + 1} of ${order.length}`}
              onKeyDown={(event) => {
                if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
                event.preventDefault();
                move(id, event.key === "ArrowUp" ? -1 : 1, true);
              }}
              className="flex items-center gap-3 rounded-lg border border-border bg-surface py-1.5 pr-1.5 pl-2.5 focus-visible:border-primary/60"
            >
              <GripVertical className="size-4 shrink-0 text-muted/60" aria-hidden />
              <span className="w-5 shrink-0 text-right font-mono text-xs text-muted tabular-nums" aria-hidden>
                {index + 1}
              </span>
              <code className="min-w-0 flex-1 font-mono text-[13.5px] break-words">{line.text}</code>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                className="size-8"
                aria-label={`Move "${line.text}" up`}
                disabled={index === 0}
                onClick={() => move(id, -1, false)}
              >
                <ArrowUp aria-hidden />
              </Button>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                className="size-8"
                aria-label={`Move "${line.text}" down`}
                disabled={index === order.length - 1}
                onClick={() => move(id, 1, false)}
              >
                <ArrowDown aria-hidden />
              </Button>
            </li>
          );
        })}
      </ol>
      <p className="mt-2 text-xs text-muted">
        Focus a line and press <Kbd>Alt</Kbd> + <Kbd>↑</Kbd> / <Kbd>↓</Kbd> to move it.
      </p>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
