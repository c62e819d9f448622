import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { exerciseHref } from "@/components/catalog/tracks";

/** Links to the exercises that train a concept; planned exercises show as plain text. */
export function ExerciseLinks({ ids, existing }: { ids: readonly string[]; existing: ReadonlySet<string> }) {
  if (ids.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm" aria-label="Exercises that practise this">
      {ids.map((id) =>
        existing.has(id) ? (
          <li key={id}>
            <Link href={exerciseHref(id)} className="inline-flex items-center gap-1 font-mono text-[13px] text-primary underline-offset-2 hover:underline">
              {id}
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
