import { LayoutDashboard } from "lucide-react";
import Link from "next/link";
import { StatusPage } from "@/components/site/status-page";
import { Button } from "@/components/ui/button";

/** A signed-in student on a teacher page. */
export function TeachersOnly() {
  return (
    <StatusPage
      code="403"
      title="This page is for teachers"
      actions={
        <Button asChild variant="primary">
          <Link href="/dashboard">
            <LayoutDashboard aria-hidden />
            Go to your dashboard
          </Link>
        </Button>
      }
    >
      <p>
        Your account is a student account. If you teach a class, ask an administrator to make your account a teacher
        account.
      </p>
    </StatusPage>
  );
}
