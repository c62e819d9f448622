import Link from "next/link";
import { LogoMark } from "./logo";
import { IdentityChip } from "./identity-chip";
import { ThemeToggle } from "./theme-toggle";
import { NavLink } from "./nav-link";
import { RoleNavLinks } from "./role-nav-links";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-border bg-surface/85 backdrop-blur supports-[backdrop-filter]:bg-surface/70">
      <div className="mx-auto flex h-14 max-w-[1600px] items-center gap-6 px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 rounded-md font-semibold tracking-tight">
          <LogoMark className="size-6 text-primary" />
          <span className="text-[17px]">Interleave</span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1 text-sm">
          <NavLink href="/">Exercises</NavLink>
          <NavLink href="/quizzes">Quizzes</NavLink>
          <RoleNavLinks />
          <NavLink href="/#how-it-works">How grading works</NavLink>
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <IdentityChip />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
