import rehypeShiki from "@shikijs/rehype";
import { MarkdownAsync } from "react-markdown";
import remarkGfm from "remark-gfm";

// Server-rendered: the highlighter and its grammars stay on the server, the browser gets HTML.
const shikiOptions = {
  themes: { light: "github-light", dark: "github-dark" },
  // Emit both themes as CSS variables; globals.css picks one by the page theme.
  defaultColor: false,
  langs: ["typescript", "javascript", "tsx", "rust", "json", "shellscript", "toml"],
  langAlias: { ts: "typescript", js: "javascript", rs: "rust", sh: "shellscript", bash: "shellscript" },
  fallbackLanguage: "text",
} as const;

export async function Statement({ markdown }: { markdown: string }) {
  return (
    <div className="prose-statement">
      <MarkdownAsync
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[[rehypeShiki, shikiOptions]]}
        components={{
          // The page title is the exercise title; statement headings sit below it.
          h1: ({ node: _node, ...props }) => <h2 {...props} />,
          a: ({ node: _node, href, ...props }) => {
            const external = typeof href === "string" && /^https?:/i.test(href);
            return <a href={href} {...props} {...(external ? { target: "_blank", rel: "noreferrer noopener" } : {})} />;
          },
        }}
      >
        {markdown}
      </MarkdownAsync>
    </div>
  );
}
