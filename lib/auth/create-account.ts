// Creates a signed-up user with a role (`./interleave users create`, the first admin or teacher).
// The user goes through better-auth's own sign-up endpoint, so the password is hashed and the
// credential account stored exactly as for a sign-up in the browser.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { getAuth } from "./auth.ts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules.ts";
import { UserRole } from "./roles.ts";

export const CreateAccountInput = z.object({
  email: z.email().transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1, "name is required").max(100),
  role: UserRole,
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `the password needs at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH)
    .optional(),
});
export type CreateAccountInput = z.input<typeof CreateAccountInput>;

export async function createAccount(
  options: CreateAccountInput,
): Promise<{ userId: string; password: string; generated: boolean }> {
  const input = CreateAccountInput.parse(options);
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new AppError(
      "conflict",
      `A user with the email ${input.email} already exists (use set-role to change their role).`,
    );
  }
  // 144 random bits, URL-safe: easy to paste, impossible to guess.
  const password = input.password ?? randomBytes(18).toString("base64url");
  const { user } = await getAuth().api.signUpEmail({ body: { email: input.email, name: input.name, password } });
  // The person running the command vouches for the address; sign-up's own session is not needed.
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { role: input.role, emailVerified: true } }),
    db.session.deleteMany({ where: { userId: user.id } }),
  ]);
  return { userId: user.id, password, generated: input.password === undefined };
}
