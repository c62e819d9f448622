// The outbox as the admin API returns it (GET /api/admin/mail), dates as ISO strings.
import { z } from "zod";

export const MailListResponse = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      to: z.string(),
      subject: z.string(),
      text: z.string(),
      kind: z.string(),
      transport: z.string(),
      sentAt: z.string().nullable(),
      error: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
