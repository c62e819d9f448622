import type { Metadata } from "next";
import { ClassSettings } from "@/components/classes/class-settings";
import { pageViewer, refusal } from "@/components/classes/page-gate";
import { getTaughtClass } from "@/lib/classes/class-access";

export const metadata: Metadata = { title: "Class settings" };

export default async function SettingsPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const viewer = await pageViewer();
  let found: Awaited<ReturnType<typeof getTaughtClass>>;
  try {
    found = await getTaughtClass({ viewer, classId });
  } catch (error) {
    return refusal(error, `/teach/classes/${classId}/settings`);
  }
  return <ClassSettings classId={found.id} name={found.name} archived={found.archived} />;
}
