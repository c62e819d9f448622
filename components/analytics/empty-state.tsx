import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

export function EmptyState({ icon: Icon, title, children }: { icon: LucideIcon; title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-xl border border-dashed border-border bg-surface px-6 py-12 text-center">
      <Icon className="size-8 text-muted" aria-hidden />
      <p className="font-medium">{title}</p>
      <div className="max-w-md text-sm text-muted">{children}</div>
    </div>
  );
}
