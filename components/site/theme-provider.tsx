"use client";

import { ThemeProvider as NextThemesProvider } from "next-themes";
import type { ReactNode } from "react";

// next-themes sets the class with an inline script before first paint. When React renders the
// provider on the client (e.g. the not-found boundary), that script must be inert data there, or
// React warns about a script tag it will not run; the server-rendered copy still runs.
const scriptProps = typeof window === "undefined" ? undefined : { type: "application/json" };

/** Light/dark via a class on <html>; follows the system until the student picks one. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  return (
    <NextThemesProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange scriptProps={scriptProps}>
      {children}
    </NextThemesProvider>
  );
}
