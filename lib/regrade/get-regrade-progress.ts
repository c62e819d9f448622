// How far a class's regrade has got, counted from its runs. Scoped to the class so a regrade
// id from another class reads as "not found".
import { db } from "../db.ts";
import type { Viewer } from "../auth/viewer.ts";
import { getTaughtClass, isUuid } from "../classes/class-access.ts";
import { RegradeProgress } from "./schemas.ts";

export async function getRegradeProgress(options: {
  viewer: Viewer | null;
  classId: string;
  regradeId: string;
}): Promise<RegradeProgress | null> {
  await getTaughtClass({ viewer: options.viewer, classId: options.classId });
  if (!isUuid(options.regradeId)) return null;
  const regrade = await db.regrade.findFirst({
    where: { id: options.regradeId, classId: options.classId },
    select: {
      id: true,
      classId: true,
      total: true,
      createdAt: true,
      exercise: { select: { trackSlug: true, title: true } },
      requestedBy: { select: { name: true } },
    },
  });
  if (!regrade?.classId) return null;
  const groups = await db.gradingRun.groupBy({
    by: ["state", "status"],
    where: { regradeId: regrade.id },
    _count: { _all: true },
  });
  const count = (match: (g: (typeof groups)[number]) => boolean) =>
    groups.filter(match).reduce((sum, g) => sum + g._count._all, 0);
  const done = count((g) => g.state === "done");
  return RegradeProgress.parse({
    id: regrade.id,
    classId: regrade.classId,
    exercise: regrade.exercise,
    requestedBy: regrade.requestedBy.name,
    createdAt: regrade.createdAt,
    total: regrade.total,
    queued: count((g) => g.state === "queued"),
    running: count((g) => g.state === "running"),
    done,
    statuses: {
      pass: count((g) => g.state === "done" && g.status === "pass"),
      fail: count((g) => g.state === "done" && g.status === "fail"),
      error: count((g) => g.state === "done" && g.status === "error"),
    },
    finished: done >= regrade.total,
  });
}
