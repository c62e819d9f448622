"use client";

import { Eye, EyeOff } from "lucide-react";
import { type ComponentProps, type ReactNode, useId, useState } from "react";
import { cn } from "@/components/ui/cn";

type TextFieldProps = Omit<ComponentProps<"input">, "id"> & {
  label: string;
  /** Shown under the field until there is an error. */
  hint?: ReactNode;
  error?: ReactNode;
  /** Something under the field, right-aligned, e.g. a "Forgot password?" link (after the field in tab order). */
  corner?: ReactNode;
};

/** A labelled input with its hint or error wired up for screen readers (aria-describedby). */
export function TextField({ label, hint, error, corner, className, type = "text", ...props }: TextFieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  const [revealed, setRevealed] = useState(false);
  const isPassword = type === "password";
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div
        className={cn(
          "flex items-center rounded-lg border bg-surface transition-colors focus-within:outline-2 focus-within:outline-offset-2",
          error
            ? "border-fail focus-within:outline-fail"
            : "border-border focus-within:border-primary/60 focus-within:outline-ring",
        )}
      >
        <input
          id={id}
          type={isPassword && revealed ? "text" : type}
          aria-invalid={error ? true : undefined}
          aria-describedby={error || hint ? messageId : undefined}
          className="h-10 min-w-0 flex-1 rounded-lg bg-transparent px-3 text-[15px] outline-none placeholder:text-muted/70 disabled:opacity-60"
          {...props}
        />
        {isPassword ? (
          <button
            type="button"
            onClick={() => setRevealed((r) => !r)}
            aria-pressed={revealed}
            aria-label={revealed ? "Hide password" : "Show password"}
            className="mr-1 flex size-8 cursor-pointer items-center justify-center rounded-md text-muted hover:bg-surface-muted hover:text-foreground"
          >
            {revealed ? <EyeOff className="size-4" aria-hidden /> : <Eye className="size-4" aria-hidden />}
          </button>
        ) : null}
      </div>
      {error || hint || corner ? (
        <div className="flex items-start justify-between gap-3">
          {error ? (
            <p id={messageId} className="text-[13px] text-fail">
              {error}
            </p>
          ) : hint ? (
            <p id={messageId} className="text-[13px] text-muted">
              {hint}
            </p>
          ) : (
            <span />
          )}
          {corner ? <div className="shrink-0">{corner}</div> : null}
        </div>
      ) : null}
    </div>
  );
}
