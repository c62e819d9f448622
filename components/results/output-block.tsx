import { CollapsibleSection } from "@/components/ui/collapsible";

/** A captured output stream, folded by default: it is the student's, never the verdict. */
export function OutputBlock({ title, text }: { title: string; text: string }) {
  if (text.length === 0) return null;
  const lines = text.split("\n").length;
  return (
    <CollapsibleSection title={title} meta={`${lines} line${lines === 1 ? "" : "s"}`}>
      <pre className="max-h-64 overflow-auto bg-code-bg px-3 py-2 font-mono text-xs leading-relaxed whitespace-pre-wrap">
        {text}
      </pre>
    </CollapsibleSection>
  );
}
