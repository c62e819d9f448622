"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { describeAuthError } from "@/components/auth/auth-errors";
import { SubmitButton } from "@/components/auth/submit-button";
import { TextField } from "@/components/auth/text-field";
import { authClient } from "@/components/auth/auth-client";

export function ProfileForm({ name }: { name: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    setSaved(false);
    if (!next) return setError("Your name cannot be empty.");
    setPending(true);
    setError(null);
    const result = await authClient.updateUser({ name: next });
    setPending(false);
    if (result.error) return setError(describeAuthError(result.error).message);
    setSaved(true);
    router.refresh();
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <TextField
        name="name"
        label="Display name"
        defaultValue={name}
        autoComplete="name"
        maxLength={100}
        className="sm:w-80"
        hint={saved ? "Saved." : "Shown to your teachers and in the header."}
        error={error ?? undefined}
        onChange={() => setSaved(false)}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…" className="sm:mt-7">
        Save name
      </SubmitButton>
      {saved ? (
        <span className="sr-only" role="status">
          Name saved
        </span>
      ) : null}
    </form>
  );
}
