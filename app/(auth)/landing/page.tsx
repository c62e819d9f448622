// Where signing in lands when nothing asked for a particular page: a teacher's or an admin's
// classes, a student's dashboard.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";

export default async function LandingPage(): Promise<never> {
  const { viewer } = await getViewer({ headers: await headers(), refresh: false });
  if (!viewer || viewer.isAnonymous) redirect("/");
  redirect(viewer.role === "teacher" || viewer.role === "admin" ? "/teach" : "/dashboard");
}
