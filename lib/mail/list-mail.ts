// The outbox as the admin page shows it: newest first, bodies included (with the outbox
// transport they are the only way a reset link reaches its user).
import { db } from "../db.ts";

export type MailListItem = {
  id: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
  transport: string;
  sentAt: Date | null;
  error: string | null;
  createdAt: Date;
};

export async function listMail(options: { limit?: number } = {}): Promise<MailListItem[]> {
  return db.mailMessage.findMany({ orderBy: { createdAt: "desc" }, take: Math.min(options.limit ?? 50, 200) });
}
