import { Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "@/components/classes/date-time";
import { InviteForm } from "@/components/classes/invite-form";
import { JoinPanel } from "@/components/classes/join-panel";
import { pageViewer, refusal } from "@/components/classes/page-gate";
import { ProgressSummary } from "@/components/classes/progress-summary";
import { RemoveStudentButton } from "@/components/classes/remove-student-button";
import { getTaughtClass } from "@/lib/classes/class-access";
import { listRoster } from "@/lib/classes/list-roster";
import { TableHead } from "@/components/ui/table-head";

export const metadata: Metadata = { title: "Roster" };

export default async function RosterPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const viewer = await pageViewer();
  let data;
  try {
    data = await Promise.all([getTaughtClass({ viewer, classId }), listRoster({ viewer, classId })]);
  } catch (error) {
    return refusal(error, `/teach/classes/${classId}`);
  }
  const [found, roster] = data;

  return (
    <div className="flex flex-col gap-8">
      <JoinPanel joinCode={found.joinCode} archived={found.archived} />
      {found.archived ? null : <InviteForm classId={found.id} />}

      <section aria-labelledby="roster-heading">
        <h2 id="roster-heading" className="text-xl font-semibold tracking-tight">
          Students <span className="text-muted">({roster.length})</span>
        </h2>
        {roster.length === 0 ? (
          <div className="mt-4 flex flex-col items-center rounded-xl border border-dashed border-border px-6 py-12 text-center">
            <Users className="size-9 text-muted" aria-hidden />
            <h3 className="mt-3 font-semibold">No students yet</h3>
            <p className="mt-1 max-w-md text-sm text-muted">
              Share the join code or link above. Students appear here as soon as they join.
            </p>
          </div>
        ) : (
          <div className="mt-4 overflow-x-auto rounded-xl border border-border bg-surface shadow-xs">
            <table className="w-full text-left text-sm">
              <TableHead
                tone="muted"
                columns={[
                  { label: "Student" },
                  { label: "Joined" },
                  { label: "Progress" },
                  { label: <span className="sr-only">Actions</span> },
                ]}
              />
              <tbody className="divide-y divide-border">
                {roster.map((student) => (
                  <tr key={student.userId} className="align-middle">
                    <td className="px-4 py-3">
                      <Link
                        href={`/teach/classes/${found.id}/students/${encodeURIComponent(student.userId)}`}
                        className="font-medium underline-offset-2 hover:underline"
                      >
                        {student.name}
                      </Link>
                      <div className="text-xs text-muted">{student.email}</div>
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap text-muted">
                      <DateTime iso={student.joinedAt.toISOString()} />
                    </td>
                    <td className="px-4 py-3">
                      <ProgressSummary progress={student.progress} />
                    </td>
                    <td className="px-4 py-3 text-right">
                      <RemoveStudentButton classId={found.id} userId={student.userId} name={student.name} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
