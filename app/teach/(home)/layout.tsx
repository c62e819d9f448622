import type { ReactNode } from "react";
import { pageViewer, refusal } from "@/components/classes/page-gate";
import { requireTeacher } from "@/lib/classes/class-access";

/** The access check outside the page's loading boundary, so a refusal keeps its 401/403 status. */
export default async function TeachHomeLayout({ children }: { children: ReactNode }) {
  try {
    requireTeacher(await pageViewer());
  } catch (error) {
    refusal(error, "/teach");
  }
  return children;
}
