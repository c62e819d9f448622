"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { describeAuthError, type AuthProblem } from "@/components/auth/auth-errors";
import { FormAlert } from "@/components/auth/form-alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { TextField } from "@/components/auth/text-field";
import { authClient } from "@/components/auth/auth-client";

export function SignInForm({ next, guest }: { next: string; guest: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<AuthProblem | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const local: AuthProblem | null = !email
      ? { field: "email", message: "Enter your email." }
      : !password
        ? { field: "password", message: "Enter your password." }
        : null;
    if (local) return fail(local);
    setPending(true);
    setProblem(null);
    const { error } = await authClient.signIn.email({ email, password });
    if (error) {
      setPending(false);
      return fail(describeAuthError(error));
    }
    // Nowhere in particular to go back to: the signed-in home for the account's role.
    router.replace(next === "/" ? "/landing" : next);
    router.refresh();
  }

  function fail(next: AuthProblem) {
    setProblem(next);
    (next.field === "email" ? emailRef : passwordRef).current?.focus();
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {problem?.field === "form" ? <FormAlert>{problem.message}</FormAlert> : null}
      {guest ? (
        <p className="rounded-lg bg-info-soft px-3 py-2.5 text-sm leading-relaxed text-foreground/90">
          The drafts, submissions and quiz answers you made as a guest move to your account when you sign in.
        </p>
      ) : null}
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
      <TextField
        ref={passwordRef}
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        corner={
          <Link href="/forgot-password" className="text-[13px] text-primary underline-offset-2 hover:underline">
            Forgot password?
          </Link>
        }
        error={problem?.field === "password" ? problem.message : undefined}
      />
      <SubmitButton pending={pending} pendingLabel="Signing in…" className="mt-1 w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
