"use client";

// 403 for pages a signed-in account may not see (forbidden() in page gates): teacher pages, and
// the admin page.
import { usePathname } from "next/navigation";
import { TeachersOnly } from "@/components/classes/teachers-only";

export default function Forbidden() {
  const pathname = usePathname();
  return <TeachersOnly role={pathname?.startsWith("/admin") ? "admin" : "teacher"} />;
}
