import { LayoutDashboard } from "lucide-react";
import Link from "next/link";
import { StatusPage } from "@/components/site/status-page";
import { Button } from "@/components/ui/button";

/** A signed-in account on a page for a role it does not have: a teacher page, or the admin page. */
export function TeachersOnly({ role = "teacher" }: { role?: "teacher" | "admin" }) {
  return (
    <StatusPage
      code="403"
      title={role === "admin" ? "This page is for administrators" : "This page is for teachers"}
      actions={
        <Button asChild variant="primary">
          <Link href="/dashboard">
            <LayoutDashboard aria-hidden />
            Go to your dashboard
          </Link>
        </Button>
      }
    >
      {role === "admin" ? (
        <p>Only administrators manage accounts and read the mail outbox and the quiz item report.</p>
      ) : (
        <p>
          Your account is a student account. If you teach a class, ask an administrator to make your account a teacher
          account.
        </p>
      )}
    </StatusPage>
  );
}
