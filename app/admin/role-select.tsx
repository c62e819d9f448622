"use client";

import { LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { apiFetch, errorMessage } from "@/components/api-client";
import { UserRole } from "@/lib/auth/roles";
import { SetRoleResponse } from "@/lib/auth/schemas";

/** A role switcher for one account; saves on change and says so (or why not). */
export function RoleSelect({
  userId,
  name,
  role,
  disabled,
}: {
  userId: string;
  name: string;
  role: UserRole;
  disabled?: boolean;
}) {
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState<UserRole>(role);
  const [state, setState] = useState<{ kind: "idle" | "saving" | "saved" } | { kind: "error"; message: string }>({
    kind: "idle",
  });

  async function change(next: UserRole) {
    const previous = value;
    setValue(next);
    setState({ kind: "saving" });
    try {
      await apiFetch(`/api/admin/users/${encodeURIComponent(userId)}/role`, {
        method: "PUT",
        body: { role: next },
        response: SetRoleResponse,
      });
    } catch (error) {
      setValue(previous);
      setState({ kind: "error", message: errorMessage(error) });
      return;
    }
    setState({ kind: "saved" });
    router.refresh();
  }

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Role of {name}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled || state.kind === "saving"}
        onChange={(event) => void change(UserRole.parse(event.target.value))}
        className="h-8 cursor-pointer rounded-md border border-border bg-surface px-2 text-sm capitalize disabled:cursor-not-allowed disabled:opacity-60"
        title={disabled ? "You cannot change your own role" : undefined}
      >
        {UserRole.options.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <span role="status" className="text-xs">
        {state.kind === "saving" ? (
          <LoaderCircle className="size-3.5 animate-spin text-muted" aria-label="Saving" />
        ) : null}
        {state.kind === "saved" ? <span className="text-pass">Saved</span> : null}
        {state.kind === "error" ? <span className="text-fail">{state.message}</span> : null}
      </span>
    </div>
  );
}
