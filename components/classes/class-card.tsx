import { BookOpenCheck, ChevronRight, Users } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatJoinCode } from "@/lib/classes/join-code";
import type { TaughtClass } from "@/lib/classes/list-taught-classes";

export function ClassCard({ item }: { item: TaughtClass }) {
  return (
    <li>
      <Link
        href={`/teach/classes/${item.id}`}
        className="group flex h-full flex-col gap-3 rounded-xl border border-border bg-surface p-5 shadow-xs transition-colors hover:border-primary/50"
      >
        <div className="flex items-start justify-between gap-3">
          <h3 className="text-lg leading-snug font-semibold tracking-tight">{item.name}</h3>
          {item.archived ? <Badge>Archived</Badge> : null}
        </div>
        <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-muted">
          <div className="flex items-center gap-1.5">
            <Users className="size-4" aria-hidden />
            <dt className="sr-only">Students</dt>
            <dd>
              {item.students} {item.students === 1 ? "student" : "students"}
            </dd>
          </div>
          <div className="flex items-center gap-1.5">
            <BookOpenCheck className="size-4" aria-hidden />
            <dt className="sr-only">Assignments</dt>
            <dd>
              {item.assignments} {item.assignments === 1 ? "assignment" : "assignments"}
            </dd>
          </div>
        </dl>
        <div className="mt-auto flex items-center justify-between pt-1 text-sm">
          <span className="text-muted">
            Join code <span className="font-mono font-medium text-foreground">{formatJoinCode(item.joinCode)}</span>
          </span>
          <ChevronRight className="size-4 text-muted transition-transform group-hover:translate-x-0.5" aria-hidden />
        </div>
      </Link>
    </li>
  );
}
