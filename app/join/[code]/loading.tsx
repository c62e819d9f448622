import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div
      className="mx-auto flex w-full max-w-xl flex-1 flex-col items-center justify-center px-6 py-24"
      aria-busy="true"
      aria-live="polite"
    >
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-4 w-40" />
      <Skeleton className="mt-4 h-9 w-72" />
      <Skeleton className="mt-4 h-4 w-80" />
      <Skeleton className="mt-8 h-9 w-32" />
    </div>
  );
}
