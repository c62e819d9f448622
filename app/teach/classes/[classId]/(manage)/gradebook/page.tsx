import { Table2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { toGradebookData } from "@/components/classes/gradebook-data";
import { GradebookView } from "@/components/classes/gradebook-view";
import { pageGradebook } from "@/components/classes/page-gate";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Gradebook" };

export default async function GradebookPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const gradebook = await pageGradebook(classId, "gradebook");

  if (gradebook.assignments.length === 0) {
    return (
      <div className="flex flex-col items-center rounded-xl border border-dashed border-border px-6 py-12 text-center">
        <Table2 className="size-9 text-muted" aria-hidden />
        <h2 className="mt-3 font-semibold">The gradebook fills in once something is assigned</h2>
        <p className="mt-1 max-w-md text-sm text-muted">
          Assign exercises or quizzes; each becomes a column with every student&apos;s best score.
        </p>
        <Button asChild variant="primary" className="mt-5">
          <Link href={`/teach/classes/${gradebook.class.id}/assignments`}>Assign something</Link>
        </Button>
      </div>
    );
  }
  return <GradebookView data={toGradebookData(gradebook)} />;
}
