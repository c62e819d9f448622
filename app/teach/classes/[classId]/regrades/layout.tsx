import type { ReactNode } from "react";
import { pageViewer, refusal } from "@/components/classes/page-gate";
import { getTaughtClass } from "@/lib/classes/class-access";

type Props = { children: ReactNode; params: Promise<{ classId: string }> };

/** Only the class's teacher, checked outside the loading boundary so refusals keep their status. */
export default async function RegradesLayout({ children, params }: Props) {
  const { classId } = await params;
  try {
    await getTaughtClass({ viewer: await pageViewer(), classId });
  } catch (error) {
    refusal(error, `/teach/classes/${classId}/regrades`);
  }
  return children;
}
