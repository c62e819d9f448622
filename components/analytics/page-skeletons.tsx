import { Skeleton } from "@/components/ui/skeleton";

/** Placeholders while an analytics section loads (inside the class header). */
export function SectionSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <div className="flex flex-col gap-4" role="status" aria-label="Loading">
      <Skeleton className="h-6 w-48" />
      <Skeleton className="h-4 w-full max-w-2xl" />
      <div className="mt-2 flex flex-col gap-2 rounded-xl border border-border p-4">
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    </div>
  );
}

/** Placeholders for a standalone teacher page (a student's work, a regrade). */
export function PageSkeleton() {
  return (
    <div className="mx-auto w-full max-w-5xl px-4 pt-6 pb-20 sm:px-6" role="status" aria-label="Loading">
      <Skeleton className="h-4 w-72" />
      <Skeleton className="mt-5 h-8 w-80" />
      <Skeleton className="mt-3 h-4 w-96" />
      <div className="mt-8 flex flex-col gap-4">
        <Skeleton className="h-64 w-full rounded-xl" />
        <Skeleton className="h-14 w-full rounded-xl" />
        <Skeleton className="h-14 w-full rounded-xl" />
      </div>
    </div>
  );
}
