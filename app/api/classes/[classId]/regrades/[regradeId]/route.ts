// A regrade's progress, polled by its progress page. Same rights as starting one.
import { z } from "zod";
import { jsonError } from "@/lib/http/errors-to-response";
import { Uuid } from "@/lib/http/schemas";
import { withUser } from "@/lib/http/with-user";
import { getRegradeProgress } from "@/lib/regrade/get-regrade-progress";
import type { RegradeProgressResponse } from "@/lib/regrade/schemas";

export const GET = withUser(
  { role: "teacher", params: z.object({ classId: Uuid, regradeId: Uuid }) },
  async ({ viewer, params }) => {
    const progress = await getRegradeProgress({ viewer, classId: params.classId, regradeId: params.regradeId });
    if (!progress) return jsonError("not_found", "No such regrade in this class.");
    return Response.json({
      ...progress,
      createdAt: progress.createdAt.toISOString(),
    } satisfies z.input<typeof RegradeProgressResponse>);
  },
);
