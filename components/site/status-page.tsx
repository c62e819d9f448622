import type { ReactNode } from "react";

type StatusPageProps = {
  code: string;
  title: string;
  children: ReactNode;
  actions: ReactNode;
};

/** The shared frame of the not-found and error pages. */
export function StatusPage({ code, title, children, actions }: StatusPageProps) {
  return (
    <div className="mx-auto flex w-full max-w-xl flex-1 flex-col items-center justify-center px-6 py-24 text-center">
      <p className="font-mono text-sm font-medium text-primary">{code}</p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight">{title}</h1>
      <div className="mt-3 text-muted">{children}</div>
      <div className="mt-8 flex flex-wrap justify-center gap-3">{actions}</div>
    </div>
  );
}
