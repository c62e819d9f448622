"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { describeAuthError, type AuthProblem } from "@/components/auth/auth-errors";
import { FormAlert } from "@/components/auth/form-alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { TextField } from "@/components/auth/text-field";
import { authClient } from "@/components/auth/auth-client";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";

export function SignUpForm({ next, guest }: { next: string; guest: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<AuthProblem | null>(null);
  const [checkInbox, setCheckInbox] = useState<string | null>(null);
  const refs = {
    name: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const local: AuthProblem | null = !name
      ? { field: "name", message: "Tell us what to call you." }
      : !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)
        ? { field: "email", message: "Enter an email address like ada@example.org." }
        : password.length < PASSWORD_MIN_LENGTH
          ? { field: "password", message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` }
          : null;
    if (local) return fail(local);
    setPending(true);
    setProblem(null);
    const { data, error } = await authClient.signUp.email({ name, email, password, callbackURL: next });
    if (error) {
      setPending(false);
      return fail(describeAuthError(error));
    }
    // With email verification on, better-auth creates the account but no session yet.
    if (!data?.token) {
      setPending(false);
      setCheckInbox(email);
      return;
    }
    router.replace(next);
    router.refresh();
  }

  function fail(next: AuthProblem) {
    setProblem(next);
    if (next.field === "name" || next.field === "email" || next.field === "password") refs[next.field].current?.focus();
  }

  if (checkInbox) {
    return (
      <FormAlert tone="success">
        Almost there: we sent a confirmation link to <strong>{checkInbox}</strong>. Open it to finish creating your
        account.
      </FormAlert>
    );
  }

  const fieldError = (field: AuthProblem["field"]) => (problem?.field === field ? problem.message : undefined);
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {problem?.field === "form" ? <FormAlert>{problem.message}</FormAlert> : null}
      {guest ? (
        <p className="rounded-lg bg-info-soft px-3 py-2.5 text-sm leading-relaxed text-foreground/90">
          Everything you did as a guest — drafts, submissions, quiz answers — moves into your new account.
        </p>
      ) : null}
      <TextField
        ref={refs.name}
        name="name"
        label="Name"
        autoComplete="name"
        autoFocus
        maxLength={100}
        error={fieldError("name")}
      />
      <TextField
        ref={refs.email}
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        inputMode="email"
        error={
          problem?.field === "email" && problem.message.includes("already exists") ? (
            <>
              {problem.message}{" "}
              <Link href="/sign-in" className="font-medium underline underline-offset-2">
                Sign in instead
              </Link>
            </>
          ) : (
            fieldError("email")
          )
        }
      />
      <TextField
        ref={refs.password}
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A short sentence is easy to remember and hard to guess.`}
        error={fieldError("password")}
      />
      <SubmitButton pending={pending} pendingLabel="Creating your account…" className="mt-1 w-full">
        Create account
      </SubmitButton>
    </form>
  );
}
