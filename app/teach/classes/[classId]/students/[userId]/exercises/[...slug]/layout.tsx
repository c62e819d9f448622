import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { pageParam } from "@/components/classes/page-gate";
import { findAssignedExercise } from "@/lib/classes/class-access";
import { TrackSlug } from "@/lib/http/schemas";

type Props = { children: ReactNode; params: Promise<{ classId: string; slug: string[] }> };

/**
 * A student's attempts at one exercise: the parent layout has checked the teacher and the
 * member; here the exercise, outside the page's loading boundary, so an unknown or unassigned
 * exercise is a real 404 (inside it the 200 is already sent).
 */
export default async function StudentExerciseLayout({ children, params }: Props) {
  const { classId, slug } = await params;
  const trackSlug = pageParam(TrackSlug, slug);
  if (!(await findAssignedExercise({ classId, trackSlug }))) notFound();
  return children;
}
