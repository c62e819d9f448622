import { requireAdmin } from "@/lib/auth/require-admin";
import { withUser } from "@/lib/http/with-user";
import { listMail } from "@/lib/mail/list-mail";
import type { MailListResponse } from "@/lib/mail/schemas";
import type { z } from "zod";

/** The mail outbox (and SMTP delivery log), newest first. */
export const GET = withUser({ role: "admin" }, async ({ viewer }) => {
  await requireAdmin({ viewer });
  const messages = await listMail({ limit: 100 });
  return Response.json({
    messages: messages.map((m) => ({
      ...m,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
    })),
  } satisfies z.input<typeof MailListResponse>);
});
