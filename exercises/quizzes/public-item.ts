// What the browser may see of an item before the attempt is submitted: the question, never the
// key. Options keep their shuffled display ids; order lines are shown in their shuffled order.
import { z } from "zod";
import { CodeBlock, type QuizItem } from "./schema.ts";

export const PublicItem = z
  .object({
    type: z.enum(["single", "multi", "order", "numeric", "compiles", "race-line", "possible", "dag-order"]),
    prompt: z.string(),
    code: CodeBlock.optional(),
    options: z.array(z.object({ id: z.string(), text: z.string() }).strict()).optional(),
    lines: z.array(z.object({ id: z.string(), text: z.string() }).strict()).optional(),
    unit: z.string().optional(),
  })
  .strict();
export type PublicItem = z.infer<typeof PublicItem>;

export function toPublicItem(item: QuizItem): PublicItem {
  const base = { type: item.type, prompt: item.prompt, ...(item.code ? { code: item.code } : {}) };
  if (item.type === "numeric") return { ...base, unit: item.numeric.unit };
  if (item.type === "order" || item.type === "dag-order") {
    const lines = item.lines.map(({ id, text }) => ({ id, text })).sort((a, b) => a.id.localeCompare(b.id));
    return { ...base, lines };
  }
  return { ...base, options: item.options.map(({ id, text }) => ({ id, text })) };
}
