import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";

/** An assignment row's first line: its kind, its title as a link, then whatever the row adds. */
export function AssignmentHeading({
  item,
  children,
}: {
  item: { kind: "exercise" | "quiz"; href: string; title: string };
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Badge tone={item.kind === "quiz" ? "info" : "primary"}>{item.kind === "quiz" ? "Quiz" : "Exercise"}</Badge>
      <Link href={item.href} className="font-medium underline-offset-2 hover:underline">
        {item.title}
      </Link>
      {children}
    </div>
  );
}
