// The one way the app sends mail (password reset, verification, invitations). Every message is
// recorded in mail_messages first — so the admin page can show it and a crash mid-send still
// leaves a trace — then handed to the transport. Delivery failures are recorded on the row and
// returned, never thrown: a reset request must not answer differently when the mail server is
// down (that would tell a stranger the address has an account).
import { z } from "zod";
import { db } from "../db.ts";
import { env } from "../env.ts";
import { type MailTransport, selectMailTransport } from "./mail-transport.ts";

export const MailKind = z.enum(["reset_password", "verification", "invitation"]);
export type MailKind = z.infer<typeof MailKind>;

export const MailInput = z.object({
  to: z.email(),
  subject: z.string().trim().min(1).max(200),
  text: z.string().min(1).max(20_000),
  kind: MailKind,
});
export type MailInput = z.infer<typeof MailInput>;

export type SentMail = { id: string; transport: MailTransport["kind"]; sentAt: Date | null; error: string | null };

export async function sendMail(options: MailInput & { transport?: MailTransport }): Promise<SentMail> {
  const mail = MailInput.parse(options);
  const transport = options.transport ?? selectMailTransport();
  const row = await db.mailMessage.create({
    data: { to: mail.to, subject: mail.subject, text: mail.text, kind: mail.kind, transport: transport.kind },
    select: { id: true },
  });
  if (transport.kind === "outbox") {
    // The body may hold a one-time link: it stays in the database, out of the logs.
    console.info(`[mail] ${mail.kind} for ${mail.to} recorded in the outbox (${row.id})`);
    return { id: row.id, transport: "outbox", sentAt: null, error: null };
  }
  try {
    await transport.transporter.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    const sentAt = new Date();
    await db.mailMessage.update({ where: { id: row.id }, data: { sentAt } });
    return { id: row.id, transport: "smtp", sentAt, error: null };
  } catch (cause) {
    const error = cause instanceof Error ? cause.message : String(cause);
    console.error(`[mail] ${mail.kind} for ${mail.to} failed over SMTP (${row.id}):`, cause);
    await db.mailMessage.update({ where: { id: row.id }, data: { error: error.slice(0, 1000) } });
    return { id: row.id, transport: "smtp", sentAt: null, error };
  }
}
