"use client";

import { BarChart3, ClipboardList, Settings, Table2, Users } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** The class page's sections: each is its own URL, so they can be bookmarked and shared. */
export function ClassTabs({ classId }: { classId: string }) {
  const pathname = usePathname();
  const base = `/teach/classes/${classId}`;
  const tabs = [
    { href: base, label: "Roster", icon: Users, current: pathname === base },
    { href: `${base}/assignments`, label: "Assignments", icon: ClipboardList },
    { href: `${base}/gradebook`, label: "Gradebook", icon: Table2 },
    { href: `${base}/analytics`, label: "Analytics", icon: BarChart3 },
    { href: `${base}/settings`, label: "Settings", icon: Settings },
  ];
  return (
    <nav aria-label="Class sections" className="-mb-px flex gap-1 overflow-x-auto">
      {tabs.map(({ href, label, icon: Icon, current }) => {
        const active = current ?? pathname.startsWith(href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "inline-flex items-center gap-1.5 border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors",
              active
                ? "border-primary text-foreground"
                : "border-transparent text-muted hover:border-border hover:text-foreground",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
