import type { ReactNode } from "react";
import { pageParam, pageViewer, refusal } from "@/components/classes/page-gate";
import { getTaughtClass, requireMember } from "@/lib/classes/class-access";
import { UserId } from "@/lib/http/schemas";

type Props = { children: ReactNode; params: Promise<{ classId: string; userId: string }> };

/**
 * The class's teacher, looking at one of its students: checked outside the pages' loading
 * boundary so a refusal keeps its 401/403/404 status. The pages check again with their data.
 */
export default async function StudentWorkLayout({ children, params }: Props) {
  const { classId, userId } = await params;
  try {
    await getTaughtClass({ viewer: await pageViewer(), classId });
    await requireMember({ classId, userId: pageParam(UserId, userId) });
  } catch (error) {
    refusal(error, `/teach/classes/${classId}/students/${userId}`);
  }
  return children;
}
