export function ConceptTags({ concepts, label = "Concepts" }: { concepts: readonly string[]; label?: string }) {
  if (concepts.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {concepts.map((concept) => (
        <li key={concept} className="rounded-md bg-surface-muted px-1.5 py-0.5 font-mono text-[11.5px] text-muted">
          {concept}
        </li>
      ))}
    </ul>
  );
}
