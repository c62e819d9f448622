"use client";

import { LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

type Role = "student" | "teacher" | "admin";
const ROLES: Role[] = ["student", "teacher", "admin"];

/** A role switcher for one account; saves on change and says so (or why not). */
export function RoleSelect({
  userId,
  name,
  role,
  disabled,
}: {
  userId: string;
  name: string;
  role: Role;
  disabled?: boolean;
}) {
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState<Role>(role);
  const [state, setState] = useState<{ kind: "idle" | "saving" | "saved" } | { kind: "error"; message: string }>({
    kind: "idle",
  });

  async function change(next: Role) {
    const previous = value;
    setValue(next);
    setState({ kind: "saving" });
    const response = await fetch(`/api/admin/users/${encodeURIComponent(userId)}/role`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ role: next }),
    }).catch(() => null);
    if (!response?.ok) {
      const body: unknown = await response?.json().catch(() => null);
      const message =
        typeof body === "object" &&
        body &&
        "error" in body &&
        typeof body.error === "object" &&
        body.error &&
        "message" in body.error
          ? String(body.error.message)
          : "Could not change the role. Try again.";
      setValue(previous);
      setState({ kind: "error", message });
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
        onChange={(event) => void change(event.target.value as Role)}
        className="h-8 cursor-pointer rounded-md border border-border bg-surface px-2 text-sm capitalize disabled:cursor-not-allowed disabled:opacity-60"
        title={disabled ? "You cannot change your own role" : undefined}
      >
        {ROLES.map((r) => (
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
