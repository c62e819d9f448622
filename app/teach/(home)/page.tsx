import { GraduationCap } from "lucide-react";
import type { Metadata } from "next";
import { ClassCard } from "@/components/classes/class-card";
import { NewClassForm } from "@/components/classes/new-class-form";
import { pageViewer, refusal } from "@/components/classes/page-gate";
import { listTaughtClasses, type TaughtClass } from "@/lib/classes/list-taught-classes";

export const metadata: Metadata = { title: "Your classes" };

export default async function TeachPage() {
  const viewer = await pageViewer();
  let classes: TaughtClass[];
  try {
    classes = await listTaughtClasses({ viewer });
  } catch (error) {
    return refusal(error, "/teach");
  }
  const active = classes.filter((c) => !c.archived);
  const archived = classes.filter((c) => c.archived);

  return (
    <div className="mx-auto w-full max-w-6xl px-4 pt-12 pb-20 sm:px-6">
      <div className="flex flex-col gap-8 md:flex-row md:items-end md:justify-between">
        <section className="max-w-2xl">
          <p className="text-sm font-medium text-primary">Teach</p>
          <h1 className="mt-2 text-4xl font-semibold tracking-tight">Your classes</h1>
          <p className="mt-3 text-lg leading-relaxed text-muted text-pretty">
            Open a class, share its join code, set exercises and quizzes with due dates, and follow every student in the
            gradebook.
          </p>
        </section>
        <div className="w-full md:max-w-sm">
          <NewClassForm autoFocus={classes.length === 0} />
        </div>
      </div>

      {classes.length === 0 ? (
        <div className="mt-12 flex flex-col items-center rounded-xl border border-dashed border-border px-6 py-14 text-center">
          <GraduationCap className="size-10 text-muted" aria-hidden />
          <h2 className="mt-4 text-lg font-semibold">No classes yet</h2>
          <p className="mt-2 max-w-md text-sm text-muted">
            Name your first class above. You will get a join code and a link to share with your students; they join with
            their own accounts.
          </p>
        </div>
      ) : (
        <>
          <section aria-labelledby="active-heading" className="mt-12">
            <h2 id="active-heading" className="text-xl font-semibold tracking-tight">
              Active <span className="text-muted">({active.length})</span>
            </h2>
            {active.length === 0 ? (
              <p className="mt-3 text-sm text-muted">All your classes are archived.</p>
            ) : (
              <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {active.map((c) => (
                  <ClassCard key={c.id} item={c} />
                ))}
              </ul>
            )}
          </section>
          {archived.length > 0 ? (
            <section aria-labelledby="archived-heading" className="mt-12">
              <h2 id="archived-heading" className="text-xl font-semibold tracking-tight">
                Archived <span className="text-muted">({archived.length})</span>
              </h2>
              <ul className="mt-4 grid gap-4 opacity-80 sm:grid-cols-2 lg:grid-cols-3">
                {archived.map((c) => (
                  <ClassCard key={c.id} item={c} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
