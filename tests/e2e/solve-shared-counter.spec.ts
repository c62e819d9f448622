// A student solves "Share a counter safely" in the browser: every layer real (Chromium, Next,
// Postgres, graphile-worker, a grader worker process, isolated-vm).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, watchOffHostRequests } from "./browser.ts";

const exerciseDir = path.resolve(import.meta.dirname, "../../exercises/ts/shared-counter");
const reference = readFileSync(path.join(exerciseDir, "solutions/good/atomics.ts"), "utf8");

let browser: Browser;
const baseURL = inject("baseURL");

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function openExercise(page: Page): Promise<void> {
  await page.goto(`${baseURL}/exercises/ts/shared-counter`);
  await page.getByTestId("editor").locator(".monaco-editor").waitFor({ timeout: 60_000 });
}

/** Replaces the editor's text the way a student would: select all, then paste. */
async function typeIntoEditor(page: Page, code: string): Promise<void> {
  await page.getByTestId("editor").locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press("ControlOrMeta+V");
}

async function submitAndWait(page: Page): Promise<string> {
  const posted = page.waitForResponse((r) => r.url().endsWith("/api/submissions") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  const response = await posted;
  expect(response.status()).toBe(202);
  const { submissionId } = (await response.json()) as { submissionId: string };
  // The verdict of *this* submission, not the one still on screen from the previous attempt.
  const verdict = page.locator(`[data-testid="verdict"][data-submission-id="${submissionId}"]`);
  await verdict.waitFor({ timeout: 60_000 });
  return ((await verdict.textContent()) ?? "").trim().toLowerCase();
}

describe("solving ts/shared-counter in the browser", () => {
  it("passes with the reference solution and fails the starter with lost updates", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    const page = await context.newPage();
    const offHost = watchOffHostRequests(page, baseURL);
    await openExercise(page);
    await screenshot(page, "exercise-starter");

    await typeIntoEditor(page, reference);
    expect(await submitAndWait(page)).toBe("pass");
    await screenshot(page, "verdict-pass");

    await page.getByRole("button", { name: /reset/i }).click();
    const confirm = page.getByRole("alertdialog").getByRole("button", { name: /reset/i });
    await confirm.click();
    expect(await submitAndWait(page)).toBe("fail");
    await expect.poll(async () => page.getByTestId("verdict-message").textContent()).toMatch(/lost/i);
    await screenshot(page, "verdict-lost-updates");

    expect(offHost).toEqual([]);
    await context.close();
  });
});
