"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A header link that marks itself current for its section (exercise pages belong to "/"). */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current =
    !href.includes("#") &&
    (href === "/" ? pathname === "/" || pathname.startsWith("/exercises") : pathname.startsWith(href));
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cn(
        "rounded-md px-2.5 py-1.5 text-muted transition-colors hover:bg-surface-muted hover:text-foreground",
        current && "text-foreground",
      )}
    >
      {children}
    </Link>
  );
}
