import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { exerciseHref } from "@/components/catalog/tracks";

/** Links to the exercises that train a concept, by title; planned exercises show as plain text. */
export function ExerciseLinks({ ids, titles }: { ids: readonly string[]; titles: ReadonlyMap<string, string> }) {
  if (ids.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm" aria-label="Exercises that practise this">
      {ids.map((id) =>
        titles.has(id) ? (
          <li key={id}>
            <Link
              href={exerciseHref(id)}
              title={id}
              className="inline-flex items-center gap-1 text-primary underline-offset-2 hover:underline"
            >
              {titles.get(id)}
              <span className="text-xs text-muted">({id.startsWith("rust/") ? "Rust" : "TypeScript"})</span>
              <ArrowRight className="size-3.5" aria-hidden />
            </Link>
          </li>
        ) : (
          <li key={id} className="font-mono text-[13px] text-muted" title="This exercise is not available yet">
            {id} <span className="font-sans text-xs">(coming soon)</span>
          </li>
        ),
      )}
    </ul>
  );
}
