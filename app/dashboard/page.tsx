import { GraduationCap, Inbox, School } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AccountRequired } from "@/components/classes/account-required";
import { DateTime } from "@/components/classes/date-time";
import { JoinCodeForm } from "@/components/classes/join-code-form";
import { MyAssignmentRow } from "@/components/classes/my-assignment-row";
import { pageViewer } from "@/components/classes/page-gate";
import { Button } from "@/components/ui/button";
import { roleOf } from "@/lib/classes/class-access";
import { listJoinedClasses } from "@/lib/classes/list-joined-classes";
import { listMyAssignments } from "@/lib/classes/list-my-assignments";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const viewer = await pageViewer();
  if (!viewer || viewer.isAnonymous)
    return <AccountRequired returnTo="/dashboard" title="Create an account to join classes" />;
  const [classes, assignments] = await Promise.all([listJoinedClasses({ viewer }), listMyAssignments({ viewer })]);
  const open = assignments.filter((a) => a.result.status !== "passed" && a.result.status !== "submitted");
  const finished = assignments.filter((a) => !open.includes(a));

  return (
    <div className="mx-auto w-full max-w-6xl px-4 pt-12 pb-20 sm:px-6">
      <div className="flex flex-col gap-8 md:flex-row md:items-end md:justify-between">
        <section className="max-w-2xl">
          <p className="text-sm font-medium text-primary">Dashboard</p>
          <h1 className="mt-2 text-4xl font-semibold tracking-tight">Your classes and assignments</h1>
          <p className="mt-3 text-lg leading-relaxed text-muted text-pretty">
            What your teachers set, when it is due, and where you stand.
          </p>
        </section>
        <div className="w-full md:max-w-sm">
          <JoinCodeForm />
        </div>
      </div>

      {roleOf(viewer) !== "student" ? (
        <div className="mt-8 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-border bg-surface px-5 py-4 shadow-xs">
          <p className="flex items-center gap-2 text-sm">
            <GraduationCap className="size-5 text-primary" aria-hidden />
            You have a teacher account: your own classes, rosters and gradebooks are under Teach.
          </p>
          <Button asChild size="sm">
            <Link href="/teach">Open your classes</Link>
          </Button>
        </div>
      ) : null}

      {classes.length === 0 ? (
        <div className="mt-12 flex flex-col items-center rounded-xl border border-dashed border-border px-6 py-14 text-center">
          <School className="size-10 text-muted" aria-hidden />
          <h2 className="mt-4 text-lg font-semibold">You are not in a class yet</h2>
          <p className="mt-2 max-w-md text-sm text-muted">
            Enter the join code your teacher gave you above, or open their join link. Meanwhile, every exercise and quiz
            is open to practise.
          </p>
          <Button asChild className="mt-5">
            <Link href="/">Browse exercises</Link>
          </Button>
        </div>
      ) : (
        <>
          <section aria-labelledby="todo-heading" className="mt-12">
            <h2 id="todo-heading" className="text-xl font-semibold tracking-tight">
              To do <span className="text-muted">({open.length})</span>
            </h2>
            {open.length === 0 ? (
              <div className="mt-4 flex items-center gap-3 rounded-xl border border-dashed border-border px-5 py-6 text-sm text-muted">
                <Inbox className="size-5" aria-hidden />
                {assignments.length === 0
                  ? "Your teachers have not assigned anything yet."
                  : "Nothing left to do — everything assigned is done."}
              </div>
            ) : (
              <ul className="mt-4 divide-y divide-border rounded-xl border border-border bg-surface shadow-xs">
                {open.map((a) => (
                  <MyAssignmentRow key={a.id} item={a} />
                ))}
              </ul>
            )}
          </section>

          {finished.length > 0 ? (
            <section aria-labelledby="done-heading" className="mt-12">
              <h2 id="done-heading" className="text-xl font-semibold tracking-tight">
                Done <span className="text-muted">({finished.length})</span>
              </h2>
              <ul className="mt-4 divide-y divide-border rounded-xl border border-border bg-surface shadow-xs">
                {finished.map((a) => (
                  <MyAssignmentRow key={a.id} item={a} />
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="classes-heading" className="mt-12">
            <h2 id="classes-heading" className="text-xl font-semibold tracking-tight">
              Classes <span className="text-muted">({classes.length})</span>
            </h2>
            <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {classes.map((c) => (
                <li key={c.id} className="rounded-xl border border-border bg-surface p-5 shadow-xs">
                  <h3 className="font-semibold">{c.name}</h3>
                  <p className="mt-1 text-sm text-muted">Taught by {c.teacherName}</p>
                  <p className="mt-3 text-xs text-muted">
                    {c.assignments} {c.assignments === 1 ? "assignment" : "assignments"} · joined{" "}
                    <DateTime iso={c.joinedAt.toISOString()} />
                  </p>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
