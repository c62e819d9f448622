// A student submits rust/rc-to-arc's starter (an Rc moved into threads): the compiler's E0277
// comes back from the sandboxed rustc and Monaco underlines the closure that captures the Rc,
// on the right line and token, with the compiler's message and help on hover. Then the fix
// (Arc) compiles and passes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { newStudentContext, screenshot, useBrowser } from "./browser.ts";
import { openExercise, pasteIntoEditor, submitAndWait } from "./exercise-page.ts";

const exerciseDir = path.resolve(import.meta.dirname, "../../exercises/rust/rc-to-arc");
const goodDir = path.join(exerciseDir, "solutions/good");
const [referenceFile] = readdirSync(goodDir)
  .filter((f) => f.endsWith(".rs"))
  .sort();
if (!referenceFile) throw new Error(`no good solution in ${goodDir}`);
const reference = readFileSync(path.join(goodDir, referenceFile), "utf8");

const browser = useBrowser();
const baseURL = inject("baseURL");

type Box = { left: number; right: number; top: number; bottom: number };

/** Screen boxes of the error squiggle and of the `move ||` token on the `thread::spawn` line. */
async function squiggleAndToken(page: Page): Promise<{ squiggle: Box | null; token: Box | null }> {
  return page.evaluate(() => {
    const box = (r: DOMRect) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    const squiggle = document.querySelector('[data-testid="editor"] .squiggly-error');
    const line = [...document.querySelectorAll('[data-testid="editor"] .view-line')].find((l) =>
      l.textContent?.includes("thread::spawn(move"),
    );
    let token: Box | null = null;
    if (line) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf("move") ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 4);
        token = box(range.getBoundingClientRect());
        break;
      }
    }
    return { squiggle: squiggle ? box(squiggle.getBoundingClientRect()) : null, token };
  });
}

describe("a Rust compile error in the browser", () => {
  it("underlines E0277 at the closure that captures the Rc, then the Arc fix passes", async () => {
    const context = await newStudentContext(browser.current, baseURL);
    const page = await context.newPage();
    await openExercise(page, baseURL, "rust/rc-to-arc");

    expect(await submitAndWait(page)).toMatch(/error/);
    await expect.poll(async () => page.getByTestId("verdict-message").textContent()).toMatch(/E0277/);
    await page.locator('[data-testid="editor"] .squiggly-error').first().waitFor();

    const { squiggle, token } = await squiggleAndToken(page);
    expect(squiggle).not.toBeNull();
    expect(token).not.toBeNull();
    if (!squiggle || !token) return;
    // Same line, and the underline starts at `move` (not a whole block, not another line).
    expect(Math.abs(squiggle.bottom - token.bottom)).toBeLessThan(8);
    expect(Math.abs(squiggle.left - token.left)).toBeLessThan(4);
    expect(squiggle.right - squiggle.left).toBeLessThan(200);

    await page.mouse.move((token.left + token.right) / 2, (token.top + token.bottom) / 2);
    const hover = page.locator(".monaco-hover").filter({ hasText: "cannot be sent between threads safely" });
    await hover.first().waitFor({ timeout: 10_000 });
    expect(await hover.first().textContent()).toMatch(/Send/);
    await screenshot(page, "rust-e0277-underline");

    await pasteIntoEditor(page, reference);
    expect(await submitAndWait(page)).toBe("pass");
    await expect.poll(async () => page.locator('[data-testid="editor"] .squiggly-error').count()).toBe(0);
    await screenshot(page, "rust-rc-to-arc-pass");

    // The statement links the page on how Rust submissions are built and graded.
    await page.getByRole("link", { name: "how Rust submissions are built and graded" }).click();
    await page.getByRole("heading", { name: "How your Rust code is built and graded" }).waitFor();
    expect(await page.locator("main").last().textContent()).toMatch(/tokio 1\.24/);
    await screenshot(page, "docs-rust");
    await context.close();
  });
});
