// No keystroke lost: typing survives a reload or a closed tab right after the last key (no
// waiting for the autosave), and an offline spell. This browser's copy (localStorage) is the
// guarantee; the server copy catches up after the page loads again.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { newStudentContext, useBrowser } from "./browser.ts";
import { editorLines, openExercise, waitForEditor } from "./exercise-page.ts";

const browser = useBrowser();
const baseURL = inject("baseURL");
const EXERCISE = "ts/shared-counter";
const SCREENS = path.resolve(import.meta.dirname, "../../.cache/screens");

/** Types a unique line at the top of the file, key by key, and returns it. */
async function typeMarker(page: Page, label: string): Promise<string> {
  const marker = `// ${label}-${Math.random().toString(36).slice(2, 10)} every key: abcdefghijklmnopqrstuvwxyz 0123456789`;
  await page.getByTestId("editor").locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.type(`${marker}\n`);
  return marker;
}

async function expectMarker(page: Page, marker: string): Promise<void> {
  await expect.poll(async () => (await editorLines(page)).includes(marker), { timeout: 30_000 }).toBe(true);
}

/** The server's copy, read with the page's own cookies. */
async function serverDraft(page: Page): Promise<string | null> {
  const response = await page.request.get(`${baseURL}/api/drafts?exerciseId=${encodeURIComponent(EXERCISE)}`);
  const body = (await response.json()) as { draft: { code: string } | null };
  return body.draft?.code ?? null;
}

describe("drafts survive leaving the page", () => {
  it("keeps every character typed just before a reload, then saves it to the server", async () => {
    const context = await newStudentContext(browser.current, baseURL);
    const page = await context.newPage();
    await openExercise(page, baseURL, EXERCISE);
    const marker = await typeMarker(page, "reload");
    const typedAt = Date.now();
    const reloading = page.reload();
    console.log(`reload started ${Date.now() - typedAt} ms after the last key`);
    await reloading;
    await waitForEditor(page);
    await expectMarker(page, marker);
    await expect.poll(() => serverDraft(page), { timeout: 30_000 }).toContain(marker);
    await context.close();
  });

  it("keeps every character typed just before the tab closes", async () => {
    const context = await newStudentContext(browser.current, baseURL);
    const first = await context.newPage();
    await openExercise(first, baseURL, EXERCISE);
    const marker = await typeMarker(first, "close");
    await first.close({ runBeforeUnload: true });
    const second = await context.newPage();
    await openExercise(second, baseURL, EXERCISE);
    await expectMarker(second, marker);
    await expect.poll(() => serverDraft(second), { timeout: 30_000 }).toContain(marker);
    await context.close();
  });

  it("keeps typing done offline across a reload, then saves it once back online", async () => {
    const context = await newStudentContext(browser.current, baseURL);
    const page = await context.newPage();
    await openExercise(page, baseURL, EXERCISE);
    await context.setOffline(true);
    const marker = await typeMarker(page, "offline");
    const status = page.getByTestId("save-status");
    await expect.poll(() => status.getAttribute("data-state"), { timeout: 30_000 }).toBe("error");
    expect(await status.textContent()).toMatch(/saved in this browser only/i);
    await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    // Chromium's offline emulation does not hold back the keepalive save sent from pagehide
    // (it reached the server in every run so far), so either copy may be the one restored.
    console.log(
      `after the offline reload the server has the typing: ${(await serverDraft(page))?.includes(marker) ?? false}`,
    );
    await context.setOffline(false);
    await openExercise(page, baseURL, EXERCISE);
    await expectMarker(page, marker);
    await expect.poll(() => serverDraft(page), { timeout: 30_000 }).toContain(marker);
    await context.close();
  });

  it("restores typing the server never got after a crash, says so, and keeps the saved version one Ctrl+Z back", async () => {
    const context = await newStudentContext(browser.current, baseURL);
    const page = await context.newPage();
    await openExercise(page, baseURL, EXERCISE);
    const starterFirstLine = (await editorLines(page))[0];
    // The server is unreachable for saves until the tab has crashed: only this browser's copy has the typing.
    await page.route("**/api/drafts", (route) =>
      route.request().method() === "PUT" ? route.abort("connectionrefused") : route.continue(),
    );
    const marker = await typeMarker(page, "crash");
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent("crash");
    void cdp.send("Page.crash").catch(() => {}); // never answers: the renderer is gone
    await crashed;
    expect(await serverDraft(page)).toBeNull();

    const reopened = await context.newPage();
    await openExercise(reopened, baseURL, EXERCISE);
    await expectMarker(reopened, marker);
    const notice = reopened.getByTestId("restore-notice");
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Restored your unsaved changes from this browser/);
    await expect.poll(() => serverDraft(reopened), { timeout: 30_000 }).toContain(marker);
    mkdirSync(SCREENS, { recursive: true });
    await reopened.screenshot({ path: path.join(SCREENS, "restored-light.png") });
    await reopened.emulateMedia({ colorScheme: "dark" });
    await expect.poll(() => reopened.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    await reopened.screenshot({ path: path.join(SCREENS, "restored-dark.png") });

    await reopened.getByTestId("editor").locator(".monaco-editor textarea").first().focus();
    await reopened.keyboard.press("ControlOrMeta+Z");
    await expect.poll(async () => (await editorLines(reopened)).includes(marker)).toBe(false);
    expect(await editorLines(reopened)).toContain(starterFirstLine);
    await context.close();
  });
});
