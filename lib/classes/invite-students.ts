// A teacher invites students by email: each address gets the class's join link through the one
// mail module (the outbox by default, SMTP when configured). Joining still happens through the
// link and an account, so an invitation grants nothing by itself.
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { EMAIL_MAX, singleLine } from "@/lib/http/schemas";
import { sendMail } from "@/lib/mail/send-mail";
import { getTaughtClass } from "./class-access";
import { formatJoinCode } from "./join-code";

export const MAX_INVITATIONS = 50;

export const InviteRequest = z.object({
  emails: z
    .array(singleLine(EMAIL_MAX).trim().toLowerCase())
    .min(1, { error: "add at least one email address" })
    .max(MAX_INVITATIONS, { error: `at most ${MAX_INVITATIONS} addresses at a time` })
    .superRefine((emails, ctx) => {
      // Name every bad address at once, so the teacher can fix the list in one go.
      const bad = emails.filter((e) => !z.email().safeParse(e).success);
      if (bad.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `not email addresses: ${bad
            .slice(0, 5)
            .map((e) => `"${e}"`)
            .join(", ")}${bad.length > 5 ? ` and ${bad.length - 5} more` : ""}. Nothing was sent`,
        });
      }
    }),
});
export type InviteRequest = z.infer<typeof InviteRequest>;

export async function inviteStudents(options: {
  viewer: Viewer | null;
  classId: string;
  emails: string[];
}): Promise<{ sent: number; failed: string[] }> {
  const found = await getTaughtClass({ viewer: options.viewer, classId: options.classId });
  if (found.archived) throw new AppError("conflict", "This class is archived: restore it before inviting students.");
  const { emails } = InviteRequest.parse({ emails: options.emails });
  const link = new URL(`/join/${found.joinCode}`, env.BETTER_AUTH_URL).toString();
  const failed: string[] = [];
  for (const to of new Set(emails)) {
    const sent = await sendMail({
      to,
      kind: "invitation",
      subject: `Join "${found.name}" on Interleave`,
      text: [
        `You have been invited to the class "${found.name}" on Interleave, where you learn concurrency by writing code that is graded by running it.`,
        "",
        `Join here: ${link}`,
        `(or enter the code ${formatJoinCode(found.joinCode)} on your dashboard)`,
        "",
        "You will be asked to create an account or sign in first. If you did not expect this, ignore this mail.",
      ].join("\n"),
    });
    if (sent.error) failed.push(to);
  }
  return { sent: new Set(emails).size - failed.length, failed };
}
