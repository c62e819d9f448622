// A student takes a quiz in Chromium with the keyboard only: radios with arrow keys, checkboxes
// with Space, estimates typed in, output lines reordered with Alt+Arrow; then sees the score,
// per-option explanations, exercise links and the mastery view (light and dark screenshots).
import pg from "pg";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { getQuiz } from "../../exercises/quizzes/catalog.ts";
import { generateItem } from "../../exercises/quizzes/define.ts";
import { ITEM_DEFINITIONS } from "../../exercises/quizzes/items/index.ts";
import type { QuizItem } from "../../exercises/quizzes/schema.ts";
import { DrawnItems } from "../../lib/quizzes/schemas.ts";
import { screenshot, useBrowser, watchOffHostRequests } from "./browser.ts";

const browser = useBrowser();
const baseURL = inject("baseURL");

/** The attempt's items with their keys, read the way only the server (or this test) can. */
async function keyedItems(attemptId: string): Promise<QuizItem[]> {
  const client = new pg.Client({ connectionString: inject("e2eDatabaseUrl") });
  await client.connect();
  try {
    const { rows } = await client.query<{ items: unknown }>("SELECT items FROM quiz_attempts WHERE id = $1", [
      attemptId,
    ]);
    return DrawnItems.parse(rows[0]?.items).map((d) => {
      const definition = ITEM_DEFINITIONS.get(d.itemId);
      if (!definition) throw new Error(`unknown item ${d.itemId}`);
      return generateItem(definition, d.seed);
    });
  } finally {
    await client.end();
  }
}

/** Presses Tab until focus lands inside `selector` (keyboard only, like a student). */
async function tabTo(page: Page, selector: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function answerWithKeyboard(page: Page, position: number, item: QuizItem): Promise<void> {
  const section = `[data-testid="quiz-item"]:nth-of-type(${position + 1})`;
  if (item.type === "numeric") {
    await tabTo(page, `input#q${position}`);
    await page.keyboard.type(String(item.numeric.answer));
    return;
  }
  if (item.type === "order" || item.type === "dag-order") {
    const target = item.lines.map((l) => l.text);
    for (let i = 0; i < target.length; i += 1) {
      const texts = await page.locator(`${section} ol li code`).allTextContents();
      const from = texts.indexOf(target[i] ?? "");
      if (from === i) continue;
      // Focus the line by tabbing to it, then move it up with Alt+ArrowUp; focus follows it.
      await tabTo(page, `${section} ol li:nth-child(${from + 1})`);
      for (let k = 0; k < from - i; k += 1) await page.keyboard.press("Alt+ArrowUp");
    }
    expect(await page.locator(`${section} ol li code`).allTextContents()).toEqual(target);
    return;
  }
  if (item.type === "multi" || item.type === "possible") {
    for (const [index, option] of item.options.entries()) {
      await tabTo(page, `input[name="q${position}"][value="${option.id}"]`);
      if (option.correct) await page.keyboard.press("Space");
      expect(await page.locator(`input[name="q${position}"]`).nth(index).isChecked()).toBe(option.correct);
    }
    return;
  }
  // Radio group: Tab lands on the first radio; ArrowDown moves and selects, Space selects the first.
  await tabTo(page, `input[name="q${position}"]`);
  const right = item.options.findIndex((o) => o.correct);
  if (right === 0) await page.keyboard.press("Space");
  for (let k = 0; k < right; k += 1) await page.keyboard.press("ArrowDown");
}

describe("taking a quiz with the keyboard", () => {
  it("answers every question without a mouse and sees the score, explanations and mastery", async () => {
    const context = await browser.current.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
    const page = await context.newPage();
    const offHost = watchOffHostRequests(page, baseURL);

    await page.goto(`${baseURL}/quizzes`);
    await page.getByRole("heading", { name: "Quizzes that find the misconception" }).waitFor();
    await screenshot(page, "quiz-list-light");

    // Start "Futures, join and spawn" from the keyboard.
    const card = page.locator("li", { has: page.getByRole("heading", { name: "Futures, join and spawn" }) });
    await card.getByRole("button", { name: "Start quiz" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/quizzes\/attempts\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid="quiz-item"]').first().waitFor();
    const attemptId = page.url().split("/").pop() ?? "";

    await screenshot(page, "quiz-open-light");
    const items = await keyedItems(attemptId);
    // Every item of the quiz is drawn, in order (lib/quizzes/draw-items.ts).
    const total = getQuiz("async-rust")?.definitions.length ?? 0;
    expect(total).toBeGreaterThan(1);
    expect(items).toHaveLength(total);

    // The key is not in what the browser receives before submission: the page's own HTML with
    // its RSC payload (fetched fresh with this browser's cookies) and the attempt API.
    const html =
      (await page.request.get(page.url()).then((r) => r.text())) +
      (await page.request.get(`${baseURL}/api/quizzes/attempts/${attemptId}`).then((r) => r.text()));
    expect(html).toContain(items[0]?.prompt.slice(0, 20) ?? "-");
    const leak = /explanation|misconception|\\?"correct\\?"/i.exec(html);
    expect(leak ? html.slice(Math.max(0, leak.index - 200), leak.index + 100) : null).toBeNull();
    for (const item of items) {
      const texts =
        item.type === "numeric"
          ? [item.numeric.explanation]
          : item.type === "order" || item.type === "dag-order"
            ? item.lines.map((l) => l.explanation)
            : item.options.map((o) => o.explanation);
      for (const text of texts) expect(html).not.toContain(text.slice(0, 30));
    }
    // Answer all but the last question correctly; leave the last one unanswered.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (const [position, item] of items.slice(0, -1).entries()) await answerWithKeyboard(page, position, item);
    const orderItem = items.findIndex((i) => i.type === "order");
    if (orderItem >= 0) {
      await page.locator(`[data-testid="quiz-item"]:nth-of-type(${orderItem + 1})`).scrollIntoViewIfNeeded();
      await screenshot(page, "quiz-order-item-light");
    }

    const numericItem = items.findIndex((i) => i.type === "numeric");
    if (numericItem >= 0) {
      await page.locator(`[data-testid="quiz-item"]:nth-of-type(${numericItem + 1})`).scrollIntoViewIfNeeded();
      await screenshot(page, "quiz-numeric-item-light");
    }

    await tabTo(page, 'button[type="submit"]', 200);
    await page.keyboard.press("Enter");
    const score = page.getByTestId("quiz-score");
    await score.waitFor({ timeout: 30_000 });
    expect(await score.getByRole("heading").textContent()).toMatch(new RegExp(`^${total - 1} / ${total}`));
    await screenshot(page, "quiz-results-light");
    const choiceItem = items.findIndex((i) => i.type === "single" || i.type === "multi");
    if (choiceItem >= 0) {
      await page.locator('[data-testid="quiz-item"]').nth(choiceItem).scrollIntoViewIfNeeded();
      await screenshot(page, "quiz-choice-feedback-light");
    }

    // Every option of every choice item carries its explanation; the skipped one is marked.
    const first = items[0];
    if (first && first.type !== "numeric" && first.type !== "order" && first.type !== "dag-order") {
      for (const option of first.options)
        await expect.poll(() => page.getByText(option.explanation, { exact: true }).count()).toBeGreaterThan(0);
    }
    expect(await page.getByText("Correct", { exact: true }).count()).toBe(total - 1);
    expect(await page.getByText("Skipped", { exact: true }).count()).toBe(1);

    // Dark mode, then the mastery view.
    await page.getByRole("button", { name: "Toggle dark mode" }).click();
    await page.waitForFunction(() => document.documentElement.classList.contains("dark"));
    await screenshot(page, "quiz-results-dark");
    await page.locator('[data-testid="quiz-item"]').nth(1).scrollIntoViewIfNeeded();
    await screenshot(page, "quiz-feedback-dark");

    await page.goto(`${baseURL}/quizzes`);
    const mastery = page.getByTestId("mastery");
    await mastery.waitFor();
    expect(await mastery.getByText("Solid").count()).toBeGreaterThan(0);
    await mastery.scrollIntoViewIfNeeded();
    await screenshot(page, "quiz-mastery-dark");

    expect(offHost).toEqual([]);
    await context.close();
  });
});
