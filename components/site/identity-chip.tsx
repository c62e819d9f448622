"use client";

import { ChevronDown, LogOut, ShieldCheck, UserRound } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import { authClient } from "@/components/auth/auth-client";

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-2 text-sm outline-none select-none data-[highlighted]:bg-surface-muted [&_svg]:size-4 [&_svg]:text-muted";

/**
 * Who the work is saved for. Guests are told plainly where their work lives and offered an
 * account; signed-in users get a menu with their account, admin (for admins) and sign-out.
 */
export function IdentityChip() {
  const router = useRouter();
  const { data, isPending } = authClient.useSession();
  if (isPending && !data) return null;

  if (!data || data.user.isAnonymous === true) {
    return (
      <div className="flex items-center gap-1.5" data-testid="identity">
        {data ? (
          <Tooltip content="You are working as a guest: drafts and submissions are saved to an account tied to this browser. Create an account to keep them.">
            <span
              tabIndex={0}
              className="hidden items-center gap-1.5 rounded-full border border-border px-2.5 py-1 text-xs text-muted md:flex"
            >
              <UserRound className="size-3.5" aria-hidden />
              Guest
            </span>
          </Tooltip>
        ) : null}
        <Button asChild variant="ghost" size="sm">
          <Link href="/sign-in">Sign in</Link>
        </Button>
        <Button asChild variant="primary" size="sm">
          <Link href="/sign-up">Create account</Link>
        </Button>
      </div>
    );
  }

  const { user } = data;
  const initials = user.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("");
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <button
          type="button"
          data-testid="identity"
          className="flex cursor-pointer items-center gap-2 rounded-full border border-border py-0.5 pr-2 pl-0.5 text-sm hover:bg-surface-muted data-[state=open]:bg-surface-muted"
          aria-label={`Account menu for ${user.name}`}
        >
          <span
            aria-hidden
            className="flex size-7 items-center justify-center rounded-full bg-primary/12 text-xs font-semibold text-primary"
          >
            {initials || <UserRound className="size-3.5" />}
          </span>
          <span className="hidden max-w-40 truncate sm:inline">{user.name}</span>
          <ChevronDown className="size-3.5 text-muted" aria-hidden />
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={8}
          className="z-50 w-64 rounded-xl border border-border bg-surface p-1.5 text-foreground shadow-lg"
        >
          <div className="px-2.5 pt-1.5 pb-2">
            <p className="truncate text-sm font-medium">{user.name}</p>
            <p className="truncate text-xs text-muted">{user.email}</p>
            <p className="mt-1 text-xs text-muted capitalize">{user.role ?? "student"}</p>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Item asChild className={itemClass}>
            <Link href="/account">
              <UserRound aria-hidden />
              Account
            </Link>
          </DropdownMenu.Item>
          {user.role === "admin" ? (
            <DropdownMenu.Item asChild className={itemClass}>
              <Link href="/admin">
                <ShieldCheck aria-hidden />
                Admin
              </Link>
            </DropdownMenu.Item>
          ) : null}
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Item
            className={itemClass}
            onSelect={async () => {
              await authClient.signOut();
              router.replace("/");
              router.refresh();
            }}
          >
            <LogOut aria-hidden />
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
