// A student answers the "what can happen" items of "Sharing state safely" partly right — a
// `possible` multi-select with a possible outcome missed and an impossible one picked, a
// `dag-order` with exactly one happens-before arrow broken — and sees the partial credit
// scoreItem gives, the sentence explaining it, the arrows and every option's explanation (light
// and dark screenshots). Then an admin finds those items in the "Quiz items" report on /admin.
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { generateItem } from "../../exercises/quizzes/define.ts";
import { ITEM_DEFINITIONS } from "../../exercises/quizzes/items/index.ts";
import type { QuizItem } from "../../exercises/quizzes/schema.ts";
import { type ItemAnswer, keyAnswer, orderedPairs, scoreItem } from "../../exercises/quizzes/score.ts";
import { MIN_ATTEMPTS } from "../../lib/analytics/item-report.ts";
import { DrawnItems } from "../../lib/quizzes/schemas.ts";
import { usersCommand } from "../../scripts/users.ts";
import { screenshot, useBrowser, watchOffHostRequests } from "./browser.ts";

const browser = useBrowser();
const baseURL = inject("baseURL");
const run = randomUUID().slice(0, 8);
const admin = { email: `admin-${run}@example.test`, name: "Ada Admin", password: "a long admin passphrase" };

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: inject("e2eDatabaseUrl") });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The attempt's items with their keys, read the way only the server (or this test) can. */
async function keyedItems(attemptId: string): Promise<QuizItem[]> {
  const rows = await query<{ items: unknown }>("SELECT items FROM quiz_attempts WHERE id = $1", [attemptId]);
  return DrawnItems.parse(rows[0]?.items).map((d) => {
    const definition = ITEM_DEFINITIONS.get(d.itemId);
    if (!definition) throw new Error(`unknown item ${d.itemId}`);
    return generateItem(definition, d.seed);
  });
}

/**
 * A partly right answer. `possible`: every possible outcome but one plus one impossible outcome,
 * which is (n − 2) ÷ n; with only two possible outcomes that is 0, so then both plus the impossible
 * one (½); with one, no answer is partly right and it gets that one plus the impossible one (0, the
 * floor). `dag-order`: the key's order with one adjacent pair that an arrow orders swapped, which
 * breaks exactly that arrow and no other implied pair. Everything else: the key.
 */
function plannedAnswer(item: QuizItem): ItemAnswer {
  if (item.type === "possible") {
    const right = item.options.filter((o) => o.correct).map((o) => o.id);
    const wrong = item.options.filter((o) => !o.correct).map((o) => o.id);
    expect(wrong.length).toBeGreaterThan(0);
    const picks = right.length >= 3 ? right.slice(0, -1) : right;
    return { kind: "choice", optionIds: [...picks, wrong[0] ?? ""] };
  }
  if (item.type === "dag-order") {
    const ids = item.lines.map((l) => l.id);
    const ordered = new Set(orderedPairs(item).map(([a, b]) => `${a}>${b}`));
    const i = ids.findIndex((id, k) => k + 1 < ids.length && ordered.has(`${id}>${ids[k + 1]}`));
    expect(i).toBeGreaterThanOrEqual(0);
    const lineIds = [...ids];
    [lineIds[i], lineIds[i + 1]] = [ids[i + 1] ?? "", ids[i] ?? ""];
    return { kind: "order", lineIds };
  }
  return keyAnswer(item);
}

/** Gives `answer` with the mouse: clicks options, types numbers, moves lines with their buttons. */
async function answerWithMouse(
  page: Page,
  section: Locator,
  position: number,
  item: QuizItem,
  answer: ItemAnswer,
): Promise<void> {
  if (answer.kind === "numeric") {
    await section.locator(`input#q${position}`).fill(String(answer.value));
    return;
  }
  if (answer.kind === "order") {
    if (item.type !== "order" && item.type !== "dag-order") throw new Error("an order answer for a choice item");
    const text = new Map(item.lines.map((l) => [l.id, l.text]));
    const target = answer.lineIds.map((id) => text.get(id) ?? "");
    for (let i = 0; i < target.length; i += 1) {
      const from = (await section.locator("ol li code").allTextContents()).indexOf(target[i] ?? "");
      for (let k = 0; k < from - i; k += 1)
        await section.getByRole("button", { name: `Move "${target[i]}" up`, exact: true }).click();
    }
    expect(await section.locator("ol li code").allTextContents()).toEqual(target);
    return;
  }
  for (const id of answer.optionIds) await section.locator(`input[name="q${position}"][value="${id}"]`).check();
  const checked = await section
    .locator(`input[name="q${position}"]:checked`)
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(checked.sort()).toEqual([...answer.optionIds].sort());
}

/** Brings the top of `locator` to the top of the viewport (below the sticky header) for a screenshot. */
async function showTop(page: Page, locator: Locator): Promise<void> {
  await locator.evaluate((element) => {
    element.scrollIntoView({ block: "start" });
    window.scrollBy(0, -72);
  });
  await page.evaluate(() => new Promise(requestAnimationFrame));
}

async function createAdmin(): Promise<void> {
  // The CLI talks to the platform's database directly, as an operator would.
  process.env.DATABASE_URL = inject("e2eDatabaseUrl");
  const output: string[] = [];
  const code = await usersCommand(
    ["create", "--email", admin.email, "--name", admin.name, "--role", "admin", "--password-stdin"],
    {
      stdout: (text) => output.push(text),
      stderr: (text) => output.push(text),
      readStdin: async () => `${admin.password}\n`,
    },
  );
  expect(code, output.join("")).toBe(0);
}

describe("partial credit on the items about what can happen", () => {
  let attemptId = "";
  let items: QuizItem[] = [];

  it("scores a partly right possible and dag-order answer as scoreItem does and explains it", async () => {
    const context = await browser.current.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
    const page = await context.newPage();
    const offHost = watchOffHostRequests(page, baseURL);

    await page.goto(`${baseURL}/quizzes`);
    await page.getByRole("heading", { name: "Quizzes that find the misconception" }).waitFor();
    const card = page.locator("li", { has: page.getByRole("heading", { name: "Sharing state safely" }) });
    await card.getByRole("button", { name: "Start quiz" }).click();
    await page.waitForURL(/\/quizzes\/attempts\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid="quiz-item"]').first().waitFor();
    await page.waitForLoadState("networkidle");
    attemptId = page.url().split("/").pop() ?? "";

    // The quiz draws every one of its items, in order: the new types are all in this attempt.
    items = await keyedItems(attemptId);
    expect(items.map((i) => i.itemId)).toEqual(
      expect.arrayContaining(["possible-final-value", "possible-outputs", "happens-before-order"]),
    );
    const answers = items.map(plannedAnswer);
    const scores = items.map((item, i) => scoreItem(item, answers[i]));
    const partial = items.flatMap((item, position) =>
      item.type === "possible" || item.type === "dag-order" ? [{ item, position, scored: scores[position]! }] : [],
    );
    expect(partial.map((p) => p.item.type)).toEqual(["possible", "possible", "dag-order"]);
    // possible-outputs always has 2–3 possible outcomes and the dag item always an arrow to break.
    for (const { item, scored } of partial) {
      if (item.type === "dag-order" || item.options.filter((o) => o.correct).length >= 2) {
        expect(scored.score, item.itemId).toBeGreaterThan(0);
        expect(scored.score, item.itemId).toBeLessThan(1);
      }
    }
    const dag = partial.find((p) => p.item.type === "dag-order");
    expect(dag?.scored.kept).toBe((dag?.scored.pairs ?? 0) - 1);

    for (const [position, item] of items.entries()) {
      const section = page.locator('[data-testid="quiz-item"]').nth(position);
      await answerWithMouse(page, section, position, item, answers[position]!);
    }
    const possibleOutputs = items.findIndex((i) => i.itemId === "possible-outputs");
    // The answer areas as given (the code above them is long).
    await showTop(page, page.locator('[data-testid="quiz-item"]').nth(possibleOutputs).getByRole("group"));
    await screenshot(page, "quiz-possible-item-light");
    await showTop(
      page,
      page
        .locator('[data-testid="quiz-item"]')
        .nth(dag?.position ?? 0)
        .locator("ol"),
    );
    await screenshot(page, "quiz-dag-order-item-light");
    expect(await page.getByText(`${items.length} of ${items.length} answered`).count()).toBe(1);

    await page.getByRole("button", { name: "Submit answers" }).click();
    const score = page.getByTestId("quiz-score");
    await score.waitFor({ timeout: 30_000 });
    const total = Math.round(scores.reduce((sum, s) => sum + s.score, 0) * 1000) / 1000;
    expect(await score.getByRole("heading").textContent()).toMatch(
      new RegExp(`^${total.toLocaleString("en", { maximumFractionDigits: 1 }).replace(".", "\\.")} / ${items.length}`),
    );

    // What the server stored is what scoreItem gives for these answers.
    const stored = await query<{ position: number; score: number }>(
      "SELECT position, score FROM quiz_item_results WHERE attempt_id = $1 ORDER BY position",
      [attemptId],
    );
    expect(stored.map((r) => r.score)).toEqual(scores.map((s) => s.score));

    for (const { item, position, scored } of partial) {
      const section = page.locator('[data-testid="quiz-item"]').nth(position);
      const pct = `${Math.round(scored.score * 100)}%`;
      if (scored.score > 0) {
        // The badge shows the credit, and one sentence says how it was counted.
        expect(await section.getByText(`Partly right · ${pct}`, { exact: true }).isVisible()).toBe(true);
        const note = section.getByText(`Partial credit ${pct}:`, { exact: false });
        expect(await note.isVisible()).toBe(true);
        const text = (await note.textContent()) ?? "";
        if (item.type === "dag-order") expect(text).toContain(`keeps ${scored.kept} of the ${scored.pairs} orderings`);
        else
          expect(text).toContain(
            `${scored.hits} right pick${scored.hits === 1 ? "" : "s"} − ${scored.falsePicks} wrong pick`,
          );
      } else {
        // Only one possible outcome (one both-locked variant): the wrong pick cancels the right one.
        expect(await section.getByText("Not quite", { exact: true }).isVisible()).toBe(true);
        expect(
          await section
            .getByText("No credit: 1 right pick − 1 wrong pick, out of 1 possible outcome (never below 0).", {
              exact: true,
            })
            .isVisible(),
        ).toBe(true);
      }
      if (item.type === "dag-order") {
        // The arrows the program fixes, each line's reason, and the student's order with the break marked.
        expect(await section.getByRole("heading", { name: "What must come before what" }).isVisible()).toBe(true);
        const text = new Map(item.lines.map((l) => [l.id, l.text]));
        // Every arrow is listed; the one the answer broke (the swapped pair) says so.
        const given = answers[position];
        const rank = new Map(given?.kind === "order" ? given.lineIds.map((id, i) => [id, i]) : []);
        const arrows = await section.locator("h3:text-is('What must come before what') + ul li").allTextContents();
        const expected = item.edges.map(
          ([a, b]) =>
            `${text.get(a)} → ${text.get(b)}${(rank.get(a) ?? 0) > (rank.get(b) ?? 0) ? " your order breaks this" : ""}`,
        );
        expect(expected.filter((e) => e.endsWith("breaks this"))).toHaveLength(1);
        expect(arrows.map((a) => a.replace(/\s+/g, " ").trim())).toEqual(expected);
        for (const line of item.lines) {
          const li = section.locator("li", { has: page.locator("code").getByText(line.text, { exact: true }) });
          expect(await li.getByText(line.explanation, { exact: true }).isVisible(), line.text).toBe(true);
        }
        expect(await section.getByLabel("wrong", { exact: true }).count()).toBe(2);
      } else if (item.type === "possible") {
        // Impossible outcomes may share a reason, so each explanation is looked for in its own option.
        for (const option of item.options) {
          const li = section.locator("li", { has: page.getByText(option.text, { exact: true }) });
          expect(await li.count(), option.text).toBe(1);
          expect(await li.getByText(option.explanation, { exact: true }).isVisible(), option.text).toBe(true);
        }
        const given = answers[position];
        expect(await section.getByText("Your answer", { exact: true }).count()).toBe(
          given?.kind === "choice" ? given.optionIds.length : -1,
        );
        // A possible outcome left out is pointed out, not just shown as right.
        const missed = item.options.filter(
          (o) => o.correct && !(given?.kind === "choice" && given.optionIds.includes(o.id)),
        ).length;
        expect(await section.getByText("Not picked", { exact: true }).count()).toBe(missed);
      }
    }

    // The feedback of each, from the credit note down (the code above it is long).
    const note = (position: number) =>
      page
        .locator('[data-testid="quiz-item"]')
        .nth(position)
        .getByText(/^(Partial credit \d+%|No credit):/);
    await showTop(page, note(possibleOutputs));
    await screenshot(page, "quiz-partial-possible-light");
    await showTop(page, note(dag?.position ?? 0));
    await screenshot(page, "quiz-partial-dag-order-light");

    await page.getByRole("button", { name: "Toggle dark mode" }).click();
    await page.waitForFunction(() => document.documentElement.classList.contains("dark"));
    await showTop(page, note(possibleOutputs));
    await screenshot(page, "quiz-partial-possible-dark");
    await showTop(page, note(dag?.position ?? 0));
    await screenshot(page, "quiz-partial-dag-order-dark");
    await showTop(page, note(items.findIndex((i) => i.itemId === "possible-final-value")));
    await screenshot(page, "quiz-partial-final-value-dark");

    expect(offHost).toEqual([]);
    await context.close();
  });

  it("shows the answered items to an admin in the Quiz items report", async () => {
    expect(attemptId).not.toBe("");
    await createAdmin();
    const context = await browser.current.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
    const page = await context.newPage();
    const offHost = watchOffHostRequests(page, baseURL);
    await page.goto(`${baseURL}/sign-in?next=/admin`);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Email", { exact: true }).fill(admin.email);
    await page.getByLabel("Password", { exact: true }).fill(admin.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(`${baseURL}/admin`);

    const heading = page.getByRole("heading", { name: "Quiz items" });
    await heading.waitFor();
    const report = page.locator("section", { has: heading });
    // Every answered item has a row; with fewer than MIN_ATTEMPTS answers it is still collecting.
    const counts = new Map(
      (
        await query<{ item_id: string; n: number }>(
          "SELECT item_id, count(*)::int AS n FROM quiz_item_results GROUP BY item_id",
          [],
        )
      ).map((r) => [r.item_id, r.n]),
    );
    for (const item of items) {
      const row = report
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: item.itemId, exact: true }) });
      const answers = counts.get(item.itemId) ?? 0;
      expect(answers).toBeGreaterThanOrEqual(1);
      expect(answers).toBeLessThan(MIN_ATTEMPTS);
      expect(await row.count(), item.itemId).toBe(1);
      expect(
        await row.getByText(`collecting (${answers}/${MIN_ATTEMPTS})`, { exact: true }).isVisible(),
        item.itemId,
      ).toBe(true);
      expect(await row.textContent()).toContain(item.variantId);
    }
    await showTop(page, heading);
    await screenshot(page, "admin-item-report-light");

    await page.getByRole("button", { name: "Toggle dark mode" }).click();
    await page.waitForFunction(() => document.documentElement.classList.contains("dark"));
    await showTop(page, heading);
    await screenshot(page, "admin-item-report-dark");

    expect(offHost).toEqual([]);
    await context.close();
  });
});
