import type { ComponentProps } from "react";
import { cn } from "./cn";

export function Kbd({ className, ...props }: ComponentProps<"kbd">) {
  return (
    <kbd
      className={cn(
        "inline-flex h-5 items-center rounded border border-current/25 px-1 font-mono text-[11px] leading-none opacity-80",
        className,
      )}
      {...props}
    />
  );
}
