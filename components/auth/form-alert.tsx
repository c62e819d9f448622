import { CircleAlert, CircleCheck } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A form-level message; errors are announced as they appear (role="alert"). */
export function FormAlert({ tone = "error", children }: { tone?: "error" | "success"; children: ReactNode }) {
  const Icon = tone === "error" ? CircleAlert : CircleCheck;
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "flex gap-2.5 rounded-lg px-3 py-2.5 text-sm leading-relaxed",
        tone === "error" ? "bg-fail-soft text-fail" : "bg-pass-soft text-pass",
      )}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="min-w-0 text-foreground/90 [&_a]:font-medium [&_a]:underline [&_a]:underline-offset-2">
        {children}
      </div>
    </div>
  );
}
