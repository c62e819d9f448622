// Server-side highlighting for quiz code: the same shiki themes as the statements, both emitted as
// CSS variables (globals.css picks one per theme). Each line gets data-line for the line numbers
// which-line-races items refer to.
import { codeToHtml } from "shiki";
import type { CodeBlock } from "@/exercises/quizzes/schema";

export async function highlightCode(block: CodeBlock): Promise<string> {
  return codeToHtml(block.source, {
    lang: block.lang,
    themes: { light: "github-light", dark: "github-dark" },
    defaultColor: false,
    transformers: [
      {
        line(node, line) {
          node.properties["data-line"] = line;
        },
      },
    ],
  });
}

/** Highlighted HTML per position, for the items that show code. */
export async function highlightAll(blocks: (CodeBlock | undefined)[]): Promise<Record<number, string>> {
  const entries = await Promise.all(blocks.map(async (b, i) => [i, b ? await highlightCode(b) : ""] as const));
  return Object.fromEntries(entries.filter(([, html]) => html));
}
