import { ChevronLeft, Download } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { ClassTabs } from "@/components/classes/class-tabs";
import { pageViewer, refusal } from "@/components/classes/page-gate";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { getTaughtClass } from "@/lib/classes/class-access";
import { formatJoinCode } from "@/lib/classes/join-code";

type Props = { children: ReactNode; params: Promise<{ classId: string }> };

/** Header and section tabs of one class; each section page checks access again on its own. */
export default async function ClassLayout({ children, params }: Props) {
  const { classId } = await params;
  const viewer = await pageViewer();
  let found: Awaited<ReturnType<typeof getTaughtClass>>;
  try {
    found = await getTaughtClass({ viewer, classId });
  } catch (error) {
    return refusal(error, `/teach/classes/${classId}`);
  }

  return (
    <div className="mx-auto w-full max-w-6xl px-4 pt-8 pb-20 sm:px-6">
      <Link
        href="/teach"
        className="inline-flex items-center gap-1 rounded-md text-sm text-muted hover:text-foreground"
      >
        <ChevronLeft className="size-4" aria-hidden />
        Your classes
      </Link>
      <header className="mt-3 flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-3xl font-semibold tracking-tight break-words">{found.name}</h1>
            {found.archived ? <Badge>Archived</Badge> : null}
          </div>
          <p className="mt-1.5 text-sm text-muted">
            Join code <span className="font-mono font-medium text-foreground">{formatJoinCode(found.joinCode)}</span>
          </p>
        </div>
        <Button asChild size="sm">
          {/* A plain anchor: the CSV is a download, not a page to prefetch. */}
          <a href={`/teach/classes/${found.id}/gradebook.csv`} download>
            <Download aria-hidden />
            Export CSV
          </a>
        </Button>
      </header>
      <div className="mt-6 border-b border-border">
        <ClassTabs classId={found.id} />
      </div>
      <div className="pt-8">{children}</div>
    </div>
  );
}
