// 403 for pages a signed-in account may not see (forbidden() in page gates): teacher pages.
import { TeachersOnly } from "@/components/classes/teachers-only";

export default function Forbidden() {
  return <TeachersOnly />;
}
