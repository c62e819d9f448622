"use client";

import { UserRound } from "lucide-react";
import { authClient } from "@/lib/auth/auth-client";
import { Tooltip } from "@/components/ui/tooltip";

/** Who the work is saved for. Anonymous visitors are told plainly where their work lives. */
export function IdentityChip() {
  const { data } = authClient.useSession();
  if (!data) return null;
  const anonymous = data.user.isAnonymous === true;
  return (
    <Tooltip
      content={
        anonymous
          ? "You are working as a guest: drafts and submissions are saved to an account tied to this browser."
          : `Signed in as ${data.user.email}`
      }
    >
      <span
        tabIndex={0}
        className="flex items-center gap-1.5 rounded-full border border-border px-2.5 py-1 text-xs text-muted"
        data-testid="identity"
      >
        <UserRound className="size-3.5" aria-hidden />
        {anonymous ? "Guest" : data.user.name}
      </span>
    </Tooltip>
  );
}
