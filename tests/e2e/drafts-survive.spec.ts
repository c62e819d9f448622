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

  it("restores typing done offline, says so, and keeps the saved version one Ctrl+Z back", async () => {
    const context = await newStudentContext(browser.current, baseURL);
    const page = await context.newPage();
    await openExercise(page, baseURL, EXERCISE);
    const starterFirstLine = (await editorLines(page))[0];
    // Offline emulation does not hold back a keepalive request sent from pagehide (it reached the
    // server in a first run); a real outage would, so the draft route fails too.
    const lost: string[] = [];
    await context.route("**/api/drafts", (route) => {
      if (route.request().method() !== "PUT") return route.continue();
      lost.push(route.request().url());
      return route.abort("internetdisconnected");
    });
    await context.setOffline(true);
    const marker = await typeMarker(page, "offline");
    const status = page.getByTestId("save-status");
    await expect.poll(() => status.getAttribute("data-state"), { timeout: 30_000 }).toBe("error");
    expect(await status.textContent()).toMatch(/saved in this browser only/i);
    await page.reload().catch(() => {}); // offline: Chromium's error page
    console.log(`PUTs refused while offline: ${lost.length}; server has the marker: ${(await serverDraft(page))?.includes(marker)}`);
    await context.unrouteAll();
    await context.setOffline(false);
    await openExercise(page, baseURL, EXERCISE);
    await expectMarker(page, marker);

    const notice = page.getByTestId("restore-notice");
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Restored your unsaved changes from this browser/);
    await expect.poll(() => serverDraft(page), { timeout: 30_000 }).toContain(marker);
    mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENS, "restored-light.png") });
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    await page.screenshot({ path: path.join(SCREENS, "restored-dark.png") });

    await page.getByTestId("editor").locator(".monaco-editor textarea").first().focus();
    await page.keyboard.press("ControlOrMeta+Z");
    await expect.poll(async () => (await editorLines(page)).includes(marker)).toBe(false);
    expect(await editorLines(page)).toContain(starterFirstLine);
    await context.close();
  });
});
