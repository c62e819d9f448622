// A teacher invites students by email: each address gets the class's join link through the one
// mail module (the outbox by default, SMTP when configured). Joining still happens through the
// link and an account, so an invitation grants nothing by itself.
import type { Viewer } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send-mail";
import { getTaughtClass } from "./class-access";
import { formatJoinCode } from "./join-code";
import { InviteRequest } from "./schemas";

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
