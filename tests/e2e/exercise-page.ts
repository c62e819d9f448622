// Student actions on an exercise page, shared by the browser specs.
import { expect } from "vitest";
import type { Page } from "playwright-core";

export async function openExercise(page: Page, baseURL: string, id: string): Promise<void> {
  await page.goto(`${baseURL}/exercises/${id}`);
  await waitForEditor(page);
}

export async function waitForEditor(page: Page): Promise<void> {
  await page.getByTestId("editor").locator(".monaco-editor").waitFor({ timeout: 60_000 });
}

/** Replaces the editor's text the way a student would: select all, then paste. */
export async function pasteIntoEditor(page: Page, code: string): Promise<void> {
  await page.getByTestId("editor").locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press("ControlOrMeta+V");
}

/** Submits and waits for the verdict of *this* submission, not the one still on screen. */
export async function submitAndWait(page: Page): Promise<string> {
  const posted = page.waitForResponse((r) => r.url().endsWith("/api/submissions") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  const response = await posted;
  expect(response.status()).toBe(202);
  const { submissionId } = (await response.json()) as { submissionId: string };
  const verdict = page.locator(`[data-testid="verdict"][data-submission-id="${submissionId}"]`);
  await verdict.waitFor({ timeout: 60_000 });
  return ((await verdict.textContent()) ?? "").trim().toLowerCase();
}

/** The editor's rendered lines (the visible ones), with Monaco's non-breaking spaces undone. */
export async function editorLines(page: Page): Promise<string[]> {
  const lines = await page.getByTestId("editor").locator(".view-line").allTextContents();
  return lines.map((line) => line.replace(/\u00a0/g, " "));
}
