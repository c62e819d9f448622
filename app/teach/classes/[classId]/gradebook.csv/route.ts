// The gradebook as a CSV download, computed by the same lib function as the page. Errors are
// JSON like every other route (401 anonymous, 403 student, 404 another teacher's class).
import { z } from "zod";
import { getGradebook } from "@/lib/classes/get-gradebook";
import { gradebookCsv } from "@/lib/classes/gradebook-csv";
import { Uuid } from "@/lib/http/schemas";
import { withUser } from "@/lib/http/with-user";

export const GET = withUser({ role: "teacher", params: z.object({ classId: Uuid }) }, async ({ viewer, params }) => {
  const gradebook = await getGradebook({ viewer, classId: params.classId });
  const slug =
    gradebook.class.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "class";
  const date = gradebook.generatedAt.toISOString().slice(0, 10);
  return new Response(gradebookCsv(gradebook), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="gradebook-${slug}-${date}.csv"`,
    },
  });
});
