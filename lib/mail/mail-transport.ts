// How mail leaves the process, chosen by the environment: without SMTP_URL it stays in the
// outbox table (this deployment has no mail server; an admin reads the outbox), with SMTP_URL it
// goes through nodemailer. Choosing never connects: nodemailer opens the connection on send.
import nodemailer, { type Transporter } from "nodemailer";
import { optionalEnv } from "../env.ts";

export type MailTransport = { kind: "outbox" } | { kind: "smtp"; transporter: Transporter };

const globalForMail = globalThis as unknown as { interleaveSmtp?: { url: string; transporter: Transporter } };

/** The transport for `smtpUrl` (default: the SMTP_URL setting); one pooled transporter per URL. */
export function selectMailTransport(options: { smtpUrl?: string | null } = {}): MailTransport {
  const smtpUrl = options.smtpUrl === undefined ? optionalEnv("SMTP_URL") : options.smtpUrl;
  if (!smtpUrl) return { kind: "outbox" };
  const cached = globalForMail.interleaveSmtp;
  if (cached?.url === smtpUrl) return { kind: "smtp", transporter: cached.transporter };
  // Short timeouts: a password-reset request waits for this send, and a dead server must not
  // hold it for nodemailer's default two minutes.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  globalForMail.interleaveSmtp = { url: smtpUrl, transporter };
  return { kind: "smtp", transporter };
}
