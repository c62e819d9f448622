"use client";

import { ThemeProvider as NextThemesProvider } from "next-themes";
import type { ReactNode } from "react";
// Loaded with the root layout on every page, before anything parses with zod.
import "./zod-jitless";

// next-themes sets the class with an inline script before first paint. When React renders the
// provider on the client (e.g. the not-found boundary), that script must be inert data there, or
// React warns about a script tag it will not run; the server-rendered copy still runs.
const scriptProps = typeof window === "undefined" ? undefined : { type: "application/json" };

/**
 * Light/dark via a class on <html>; follows the system until the student picks one. The pre-paint
 * script carries the page's CSP nonce (app/layout.tsx), or the policy would block it.
 */
export function ThemeProvider({ children, nonce }: { children: ReactNode; nonce?: string }) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      nonce={nonce}
      scriptProps={scriptProps}
    >
      {children}
    </NextThemesProvider>
  );
}
