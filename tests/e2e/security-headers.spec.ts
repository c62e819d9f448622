// The browser-side rules on real pages of the built app: a Content-Security-Policy with a fresh
// nonce and no 'unsafe-inline' for scripts, under which the exercise page — Monaco with its
// TypeScript worker, next-themes' pre-paint script, Next's own payload — runs without a single
// violation while an inline event handler or eval (what injected markup would use) is refused;
// X-Frame-Options and Permissions-Policy.
import { describe, expect, inject, it } from "vitest";
import { newStudentContext, useBrowser } from "./browser.ts";
import { openExercise, pasteIntoEditor } from "./exercise-page.ts";

const browser = useBrowser();
const baseURL = inject("baseURL");

async function page(pathname: string): Promise<{ csp: string; headers: Headers; html: string }> {
  const response = await fetch(`${baseURL}${pathname}`, { redirect: "manual" });
  return {
    csp: response.headers.get("content-security-policy") ?? "",
    headers: response.headers,
    html: await response.text(),
  };
}

describe("security headers", () => {
  it("sends every page a fresh nonce policy without 'unsafe-inline' scripts, and frame and permission policies", async () => {
    const nonces = new Set<string>();
    for (const pathname of ["/", "/exercises/ts/shared-counter", "/sign-in", "/quizzes", "/no-such-page"]) {
      const { csp, headers, html } = await page(pathname);
      const scriptSrc = /(?:^|; )script-src ([^;]*)/.exec(csp)?.[1] ?? "";
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
      expect(nonce, `${pathname}: ${csp}`).toBeTruthy();
      expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(headers.get("x-frame-options")).toBe("DENY");
      for (const feature of ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"]) {
        expect(headers.get("permissions-policy")).toContain(feature);
      }
      // Every script Next rendered carries this response's nonce (inert JSON data blocks need none).
      const scripts = (html.match(/<script\b[^>]*>/g) ?? []).filter(
        (tag) => !/type="application\/(ld\+)?json"/.test(tag),
      );
      expect(scripts.length, pathname).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, pathname).toContain(`nonce="${nonce}"`);
      nonces.add(nonce ?? "");
    }
    expect(nonces.size).toBe(5);

    const api = await fetch(`${baseURL}/api/submissions?exerciseId=ts/shared-counter`);
    expect(api.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers.get("x-frame-options")).toBe("DENY");
  });

  it("runs the exercise page with Monaco and its TypeScript worker without a CSP violation, and refuses an injected handler and eval", async () => {
    const context = await newStudentContext(browser.current, baseURL);
    await context.addInitScript(() => {
      const r = globalThis as unknown as { violations: string[] };
      r.violations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        r.violations.push(
          `${e.violatedDirective} ${e.blockedURI}${e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` : ""}`,
        ),
      );
    });
    const tab = await context.newPage();
    const messages: string[] = [];
    tab.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") messages.push(m.text());
    });
    tab.on("pageerror", (error) => messages.push(error.message));
    await openExercise(tab, baseURL, "ts/shared-counter");
    // A type error is underlined only when the TypeScript worker runs (loaded under worker-src).
    await pasteIntoEditor(tab, "export const wrong: number = 'text';\n");
    await tab.getByTestId("editor").locator(".squiggly-error").first().waitFor({ timeout: 60_000 });
    // next-themes' pre-paint script ran: it put the theme class on <html>.
    expect(await tab.evaluate(() => document.documentElement.className)).toMatch(/\b(light|dark)\b/);

    expect(await tab.evaluate(() => (globalThis as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(messages.filter((m) => /content security policy|permissions-policy|refused to/i.test(m))).toEqual([]);

    // What an injection into the HTML would try: an inline event handler, and eval from a string.
    const outcome = await tab.evaluate(async () => {
      const holder = document.createElement("div");
      holder.innerHTML = '<img src="/no-such-image.png" onerror="globalThis.injected = true">';
      document.body.append(holder);
      await new Promise((resolve) => setTimeout(resolve, 500));
      let evalRan = false;
      try {
        evalRan = (0, eval)("true") === true;
      } catch {
        // refused by the policy
      }
      return { handlerRan: (globalThis as unknown as { injected?: boolean }).injected === true, evalRan };
    });
    expect(outcome).toEqual({ handlerRan: false, evalRan: false });
    await expect
      .poll(() => tab.evaluate(() => (globalThis as unknown as { violations: string[] }).violations))
      .toEqual([
        expect.stringMatching(/^script-src-attr inline( at |$)/),
        expect.stringMatching(/^script-src eval( at |$)/),
      ]);
    await context.close();
  });
});
