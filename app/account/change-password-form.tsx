"use client";

import { type FormEvent, useRef, useState } from "react";
import { describeAuthError } from "@/components/auth/auth-errors";
import { FormAlert } from "@/components/auth/form-alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { TextField } from "@/components/auth/text-field";
import { authClient } from "@/components/auth/auth-client";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";

type Field = "currentPassword" | "password" | "confirm" | "form";

export function ChangePasswordForm() {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{ field: Field; message: string } | null>(null);
  const [done, setDone] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const refs = {
    currentPassword: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    confirm: useRef<HTMLInputElement>(null),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    const form = new FormData(event.currentTarget);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("password") ?? "");
    const confirm = String(form.get("confirm") ?? "");
    if (!currentPassword) return fail({ field: "currentPassword", message: "Enter your current password." });
    if (newPassword.length < PASSWORD_MIN_LENGTH)
      return fail({ field: "password", message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` });
    if (newPassword !== confirm) return fail({ field: "confirm", message: "The two new passwords are not the same." });
    setPending(true);
    setProblem(null);
    const { error } = await authClient.changePassword({ currentPassword, newPassword, revokeOtherSessions: true });
    setPending(false);
    if (error) {
      const described = describeAuthError(error);
      return fail({
        field: described.field === "currentPassword" || described.field === "password" ? described.field : "form",
        message: described.message,
      });
    }
    formRef.current?.reset();
    setDone(true);
  }

  function fail(next: { field: Field; message: string }) {
    setProblem(next);
    if (next.field !== "form") refs[next.field].current?.focus();
  }

  const errorOf = (field: Field) => (problem?.field === field ? problem.message : undefined);
  return (
    <form ref={formRef} method="post" onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      {problem?.field === "form" ? <FormAlert>{problem.message}</FormAlert> : null}
      {done ? <FormAlert tone="success">Password changed. Other devices have been signed out.</FormAlert> : null}
      <TextField
        ref={refs.currentPassword}
        name="currentPassword"
        type="password"
        label="Current password"
        autoComplete="current-password"
        error={errorOf("currentPassword")}
      />
      <TextField
        ref={refs.password}
        name="password"
        type="password"
        label="New password"
        autoComplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={errorOf("password")}
      />
      <TextField
        ref={refs.confirm}
        name="confirm"
        type="password"
        label="Repeat the new password"
        autoComplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
        error={errorOf("confirm")}
      />
      <SubmitButton pending={pending} pendingLabel="Changing…" className="self-start">
        Change password
      </SubmitButton>
    </form>
  );
}
