import { LayoutDashboard } from "lucide-react";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountActions } from "@/components/classes/account-required";
import { JoinButton } from "@/components/classes/join-button";
import { pageParam, pageViewer } from "@/components/classes/page-gate";
import { StatusPage } from "@/components/site/status-page";
import { Button } from "@/components/ui/button";
import { getClassByCode } from "@/lib/classes/get-class-by-code";
import { formatJoinCode } from "@/lib/classes/join-code";
import { JoinCode } from "@/lib/classes/schemas";

export const metadata: Metadata = { title: "Join a class" };

export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const code = pageParam(JoinCode, (await params).code);
  const viewer = await pageViewer();
  const found = await getClassByCode({ code, viewer });
  if (!found) notFound();
  const returnTo = `/join/${found.joinCode}`;
  const member = found.viewerIs === "member";

  let body: ReactNode;
  let actions: ReactNode;
  if (found.archived && !member) {
    body = (
      <p>
        This class is archived and no longer takes new students. Ask your teacher for the code of the current class.
      </p>
    );
    actions = <DashboardButton />;
  } else if (found.viewerIs === "guest") {
    body = (
      <p>
        Create an account (or sign in) to join. Your teacher will see your name, email and your work on the class&apos;s
        assignments.
      </p>
    );
    actions = <AccountActions returnTo={returnTo} createLabel="Create an account to join" />;
  } else if (found.viewerIs === "teacher") {
    body = <p>You teach this class. Share this page&apos;s link with your students.</p>;
    actions = (
      <Button asChild variant="primary">
        <Link href={`/teach/classes/${found.id}`}>Open the class</Link>
      </Button>
    );
  } else if (member) {
    body = <p>You are already a member. Your assignments for this class are on your dashboard.</p>;
    actions = <DashboardButton />;
  } else {
    body = <p>Your teacher will see your name, email and your work on the class&apos;s assignments.</p>;
    actions = <JoinButton code={found.joinCode} />;
  }

  return (
    <StatusPage code={`Join code ${formatJoinCode(found.joinCode)}`} title={found.name} actions={actions}>
      <p className="text-foreground">
        Taught by <span className="font-medium">{found.teacherName}</span>
      </p>
      <div className="mt-2">{body}</div>
    </StatusPage>
  );
}

function DashboardButton() {
  return (
    <Button asChild variant="primary">
      <Link href="/dashboard">
        <LayoutDashboard aria-hidden />
        Go to your dashboard
      </Link>
    </Button>
  );
}
