// Loads every submitted quiz item result for the admin page's item report (item-report.ts).
import { db } from "../db.ts";
import { type ItemReport, itemReport } from "./item-report.ts";

/** Rows read at most: the report is for a bank's health, and the newest answers say most. */
const MAX_ROWS = 200_000;

export async function getItemReport(): Promise<ItemReport[]> {
  const rows = await db.quizItemResult.findMany({
    select: { attemptId: true, itemId: true, variantId: true, score: true },
    orderBy: { createdAt: "desc" },
    take: MAX_ROWS,
  });
  return itemReport(rows);
}
