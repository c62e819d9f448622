"use client";

import { ChevronRight } from "lucide-react";
import { Collapsible as Primitive } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "./cn";

type CollapsibleSectionProps = {
  title: ReactNode;
  meta?: ReactNode;
  defaultOpen?: boolean;
  children: ReactNode;
  className?: string;
};

/** A titled section the student can fold away (stdout, stderr, diagnostics). */
export function CollapsibleSection({ title, meta, defaultOpen = false, children, className }: CollapsibleSectionProps) {
  return (
    <Primitive.Root defaultOpen={defaultOpen} className={cn("rounded-lg border border-border", className)}>
      <Primitive.Trigger className="group flex w-full cursor-pointer items-center gap-2 px-3 py-2 text-left text-[13px] font-medium hover:bg-surface-muted">
        <ChevronRight
          className="size-4 text-muted transition-transform group-data-[state=open]:rotate-90"
          aria-hidden
        />
        <span>{title}</span>
        {meta ? <span className="ml-auto text-xs font-normal text-muted">{meta}</span> : null}
      </Primitive.Trigger>
      <Primitive.Content className="border-t border-border">{children}</Primitive.Content>
    </Primitive.Root>
  );
}
