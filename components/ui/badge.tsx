import type { ComponentProps } from "react";
import { cn } from "./cn";

const tones = {
  neutral: "border-border bg-surface-muted text-muted",
  primary: "border-transparent bg-primary/12 text-primary",
  pass: "border-transparent bg-pass-soft text-pass",
  fail: "border-transparent bg-fail-soft text-fail",
  error: "border-transparent bg-error-soft text-error",
  info: "border-transparent bg-info-soft text-info",
} as const;

export type BadgeTone = keyof typeof tones;

export function Badge({ tone = "neutral", className, ...props }: ComponentProps<"span"> & { tone?: BadgeTone }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap [&_svg]:size-3.5",
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}
