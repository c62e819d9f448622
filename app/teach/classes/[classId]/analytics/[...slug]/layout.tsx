import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { pageParam, pageViewer, refusal } from "@/components/classes/page-gate";
import { findAssignedExercise, getTaughtClass } from "@/lib/classes/class-access";
import { TrackSlug } from "@/lib/http/schemas";

type Props = { children: ReactNode; params: Promise<{ classId: string; slug: string[] }> };

/**
 * One exercise's analytics: the teacher and the exercise are checked here, outside the page's
 * loading boundary, so a refusal, an unknown or an unassigned exercise keeps its real status
 * (inside the boundary the 200 is already sent when the page calls notFound()).
 */
export default async function ExerciseAnalyticsLayout({ children, params }: Props) {
  const { classId, slug } = await params;
  const trackSlug = pageParam(TrackSlug, slug);
  try {
    await getTaughtClass({ viewer: await pageViewer(), classId });
  } catch (error) {
    refusal(error, `/teach/classes/${classId}/analytics/${slug.join("/")}`);
  }
  if (!(await findAssignedExercise({ classId, trackSlug }))) notFound();
  return children;
}
