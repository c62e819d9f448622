import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { pageParam } from "@/components/classes/page-gate";
import { getClassByCode } from "@/lib/classes/get-class-by-code";
import { JoinCode } from "@/lib/classes/schemas";

/**
 * A malformed or unknown join code is a real 404: checked here, outside the page's loading
 * boundary (inside it the 200 is already sent when the page calls notFound()).
 */
export default async function JoinLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ code: string }>;
}) {
  const code = pageParam(JoinCode, (await params).code);
  if (!(await getClassByCode({ code, viewer: null }))) notFound();
  return children;
}
