import type { ReactNode } from "react";
import { LogoMark } from "@/components/site/logo";

/** The frame of the sign-in, sign-up and password pages: one centred card with a heading. */
export function AuthCard({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="flex flex-1 items-start justify-center px-4 pt-14 pb-20 sm:pt-20">
      <div className="w-full max-w-[26rem]">
        <div className="rounded-2xl border border-border bg-surface p-6 shadow-sm sm:p-8">
          <LogoMark className="size-8 text-primary" />
          <h1 className="mt-4 text-2xl font-semibold tracking-tight">{title}</h1>
          {description ? <div className="mt-2 text-sm leading-relaxed text-muted">{description}</div> : null}
          <div className="mt-6">{children}</div>
        </div>
        {footer ? <div className="mt-5 text-center text-sm text-muted">{footer}</div> : null}
      </div>
    </div>
  );
}
