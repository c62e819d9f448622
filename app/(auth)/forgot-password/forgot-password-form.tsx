"use client";

import { type FormEvent, useRef, useState } from "react";
import { describeAuthError, type AuthProblem } from "@/components/auth/auth-errors";
import { FormAlert } from "@/components/auth/form-alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { TextField } from "@/components/auth/text-field";
import { authClient } from "@/components/auth/auth-client";

export function ForgotPasswordForm() {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<AuthProblem | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      setProblem({ field: "email", message: "Enter the email address of your account." });
      emailRef.current?.focus();
      return;
    }
    setPending(true);
    setProblem(null);
    const { error } = await authClient.requestPasswordReset({ email, redirectTo: "/reset-password" });
    setPending(false);
    if (error) {
      setProblem(describeAuthError(error));
      return;
    }
    setSentTo(email);
  }

  if (sentTo) {
    return (
      <FormAlert tone="success">
        If an account uses <strong>{sentTo}</strong>, a reset link is on its way; it works for one hour. No mail after a
        few minutes? Check spam, or ask your teacher or admin — on installs without a mail server, the message waits in
        the admin&rsquo;s outbox.
      </FormAlert>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {problem?.field === "form" ? <FormAlert>{problem.message}</FormAlert> : null}
      <TextField
        ref={emailRef}
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        inputMode="email"
        autoFocus
        error={problem?.field === "email" ? problem.message : undefined}
      />
      <SubmitButton pending={pending} pendingLabel="Sending…" className="mt-1 w-full">
        Send reset link
      </SubmitButton>
    </form>
  );
}
