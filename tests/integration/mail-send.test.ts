// lib/mail: the outbox by default, SMTP when SMTP_URL is set; every message recorded with its
// delivery outcome, and a failed delivery recorded rather than thrown.
import { afterAll, describe, expect, it, vi } from "vitest";
import nodemailer from "nodemailer";
import { db, disconnectDb } from "@/lib/db";
import { selectMailTransport } from "@/lib/mail/mail-transport";
import { sendMail } from "@/lib/mail/send-mail";
import { useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
afterAll(() => disconnectDb());

const message = {
  kind: "reset_password" as const,
  to: "ada@example.test",
  subject: "Reset your password",
  text: "Open https://x.test/reset-password?token=abc",
};

describe("sendMail", () => {
  it("records the message in the outbox when no SMTP_URL is set", async () => {
    delete process.env.SMTP_URL;
    expect(selectMailTransport()).toEqual({ kind: "outbox" });
    const log = vi.spyOn(console, "info").mockImplementation(() => {});
    const sent = await sendMail(message);
    // The log names the message but never carries its body (a one-time link).
    expect(log.mock.calls.flat().join(" ")).not.toContain("token=abc");
    log.mockRestore();
    expect(sent).toMatchObject({ transport: "outbox", sentAt: null, error: null });
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({
      ...message,
      transport: "outbox",
      sentAt: null,
      error: null,
    });
  });

  it("selects nodemailer's SMTP transport from SMTP_URL without connecting", async () => {
    process.env.SMTP_URL = "smtp://mailer:s3cret@mail.example.test:2525";
    const transport = selectMailTransport();
    if (transport.kind !== "smtp") throw new Error("expected the SMTP transport");
    const options = transport.transporter.options as { host?: string; port?: number; auth?: { user?: string } };
    expect(options).toMatchObject({ host: "mail.example.test", port: 2525, auth: { user: "mailer" } });
    // One pooled transporter per URL, not one per message.
    const again = selectMailTransport();
    expect(again.kind === "smtp" && again.transporter).toBe(transport.transporter);
    expect(selectMailTransport({ smtpUrl: null })).toEqual({ kind: "outbox" });
  });

  it("marks a delivered SMTP message as sent", async () => {
    // nodemailer's JSON transport goes through the whole send path but writes nowhere.
    const transporter = nodemailer.createTransport({ jsonTransport: true });
    const send = vi.spyOn(transporter, "sendMail");
    const sent = await sendMail({ ...message, transport: { kind: "smtp", transporter } });
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({ to: message.to, subject: message.subject, text: message.text }),
    );
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({
      transport: "smtp",
      error: null,
      sentAt: sent.sentAt,
    });
  });

  it("records a failed delivery on the row instead of throwing", async () => {
    const transporter = nodemailer.createTransport({ jsonTransport: true });
    vi.spyOn(transporter, "sendMail").mockRejectedValue(new Error("535 authentication failed"));
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const sent = await sendMail({ ...message, transport: { kind: "smtp", transporter } });
    log.mockRestore();
    expect(sent).toMatchObject({ transport: "smtp", sentAt: null, error: "535 authentication failed" });
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({
      sentAt: null,
      error: "535 authentication failed",
    });
  });

  it("refuses a malformed message before recording anything", async () => {
    const before = await db.mailMessage.count();
    await expect(sendMail({ ...message, to: "not an address" })).rejects.toThrow();
    expect(await db.mailMessage.count()).toBe(before);
  });
});
