// The messages better-auth asks us to send, written here and delivered by lib/mail.
import { env } from "../env.ts";
import { sendMail } from "../mail/send-mail.ts";

type MailUser = { email: string; name: string };

/** The reset link points straight at our page; the page posts the token back to better-auth. */
export async function sendResetPasswordEmail(options: { user: MailUser; token: string }): Promise<void> {
  const link = new URL("/reset-password", env.BETTER_AUTH_URL);
  link.searchParams.set("token", options.token);
  await sendMail({
    kind: "reset_password",
    to: options.user.email,
    subject: "Reset your Interleave password",
    text: [
      `Hello ${options.user.name},`,
      "",
      "Someone (hopefully you) asked to reset the password of your Interleave account.",
      "Choose a new password here within the next hour:",
      "",
      link.toString(),
      "",
      "If you did not ask for this, ignore this message: your password stays as it is.",
    ].join("\n"),
  });
}

export async function sendVerificationEmail(options: { user: MailUser; url: string }): Promise<void> {
  await sendMail({
    kind: "verification",
    to: options.user.email,
    subject: "Confirm your email for Interleave",
    text: [
      `Hello ${options.user.name},`,
      "",
      "Confirm this address to finish creating your Interleave account:",
      "",
      options.url,
      "",
      "If you did not sign up, ignore this message.",
    ].join("\n"),
  });
}
