// better-auth answers with stable error codes; these turn them into sentences and say which
// field they belong to, so the form can show them inline.
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";

export type AuthField = "name" | "email" | "password" | "currentPassword" | "form";
export type AuthProblem = { field: AuthField; message: string };

type ClientError = { code?: string | undefined; message?: string | undefined; status: number };

export function describeAuthError(error: ClientError, context: { passwordField?: AuthField } = {}): AuthProblem {
  const passwordField = context.passwordField ?? "password";
  switch (error.code) {
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return { field: "email", message: "An account with this email already exists." };
    case "INVALID_EMAIL":
      return { field: "email", message: "That does not look like an email address." };
    case "PASSWORD_TOO_SHORT":
      return { field: passwordField, message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` };
    case "PASSWORD_TOO_LONG":
      return { field: passwordField, message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` };
    case "INVALID_EMAIL_OR_PASSWORD":
      return { field: "form", message: "Wrong email or password." };
    case "INVALID_PASSWORD":
      return { field: "currentPassword", message: "That is not your current password." };
    case "EMAIL_NOT_VERIFIED":
      return { field: "form", message: "Confirm your email first: we sent you a link when you signed up." };
    case "INVALID_TOKEN":
      return { field: "form", message: "This reset link has expired or was already used. Ask for a new one." };
    default:
      break; // any other code: told by its status below
  }
  if (error.status === 429) return { field: "form", message: "Too many attempts. Wait a few seconds, then try again." };
  if (error.status === 0 || error.status >= 500)
    return { field: "form", message: "Something went wrong on our side. Please try again." };
  return { field: "form", message: error.message || "That did not work. Please try again." };
}

/** Only same-site paths are followed after sign-in (no open redirects). */
export function safeNext(next: string | string[] | undefined, fallback = "/"): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
