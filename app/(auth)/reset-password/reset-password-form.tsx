"use client";

import Link from "next/link";
import { type FormEvent, useRef, useState } from "react";
import { describeAuthError, type AuthProblem } from "@/components/auth/auth-errors";
import { FormAlert } from "@/components/auth/form-alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { TextField } from "@/components/auth/text-field";
import { Button } from "@/components/ui/button";
import { authClient } from "@/components/auth/auth-client";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";

type Field = "password" | "confirm" | "form";

export function ResetPasswordForm({ token }: { token: string }) {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{ field: Field; message: string } | null>(null);
  const [done, setDone] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const confirm = String(form.get("confirm") ?? "");
    if (password.length < PASSWORD_MIN_LENGTH)
      return fail({ field: "password", message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` });
    if (password !== confirm) return fail({ field: "confirm", message: "The two passwords are not the same." });
    setPending(true);
    setProblem(null);
    const { error } = await authClient.resetPassword({ newPassword: password, token });
    setPending(false);
    if (error) {
      const described: AuthProblem = describeAuthError(error);
      return fail({ field: described.field === "password" ? "password" : "form", message: described.message });
    }
    setDone(true);
  }

  function fail(next: { field: Field; message: string }) {
    setProblem(next);
    if (next.field === "password") passwordRef.current?.focus();
    if (next.field === "confirm") confirmRef.current?.focus();
  }

  if (done) {
    return (
      <div className="flex flex-col gap-4">
        <FormAlert tone="success">
          Your password is changed. For safety, every device that was signed in has been signed out.
        </FormAlert>
        <Button asChild variant="primary" className="h-10">
          <Link href="/sign-in">Sign in with the new password</Link>
        </Button>
      </div>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {problem?.field === "form" ? (
        <FormAlert>
          {problem.message} <Link href="/forgot-password">Send a new link</Link>
        </FormAlert>
      ) : null}
      <TextField
        ref={passwordRef}
        name="password"
        type="password"
        label="New password"
        autoComplete="new-password"
        autoFocus
        maxLength={PASSWORD_MAX_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={problem?.field === "password" ? problem.message : undefined}
      />
      <TextField
        ref={confirmRef}
        name="confirm"
        type="password"
        label="Repeat the new password"
        autoComplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
        error={problem?.field === "confirm" ? problem.message : undefined}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…" className="mt-1 w-full">
        Set new password
      </SubmitButton>
    </form>
  );
}
