// A student solves "Share a counter safely" in the browser: every layer real (Chromium, Next,
// Postgres, graphile-worker, a grader worker process, isolated-vm).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { newStudentContext, screenshot, useBrowser, watchOffHostRequests } from "./browser.ts";
import { openExercise, pasteIntoEditor, submitAndWait } from "./exercise-page.ts";

const exerciseDir = path.resolve(import.meta.dirname, "../../exercises/ts/shared-counter");
const reference = readFileSync(path.join(exerciseDir, "solutions/good/atomics.ts"), "utf8");

const browser = useBrowser();
const baseURL = inject("baseURL");

describe("solving ts/shared-counter in the browser", () => {
  it("passes with the reference solution and fails the starter with lost updates", async () => {
    const context = await newStudentContext(browser.current, baseURL);
    const page = await context.newPage();
    const offHost = watchOffHostRequests(page, baseURL);
    await openExercise(page, baseURL, "ts/shared-counter");
    await screenshot(page, "exercise-starter");

    await pasteIntoEditor(page, reference);
    expect(await submitAndWait(page)).toBe("pass");
    await screenshot(page, "verdict-pass");

    // The leaderboard test's timeline: a lane per thread, and lock bars where workers slept in
    // Atomics.wait for the lock the reference builds.
    const board = page.getByTestId("test-row").filter({ hasText: "leaderboard" });
    await board.getByRole("button", { name: /timeline/i }).click();
    const timeline = board.getByTestId("timeline");
    await timeline.getByTestId("timeline-lane").first().waitFor();
    // The test draws 3 or 4 workers per grade: a lane for each, and one for main.
    expect([4, 5]).toContain(await timeline.getByTestId("timeline-lane").count());
    expect(await timeline.getByTestId("span-lock").count()).toBeGreaterThanOrEqual(1);
    await timeline.scrollIntoViewIfNeeded();
    await screenshot(page, "timeline-lock");

    await page.getByRole("button", { name: /reset/i }).click();
    const confirm = page.getByRole("alertdialog").getByRole("button", { name: /reset/i });
    await confirm.click();
    expect(await submitAndWait(page)).toBe("fail");
    await expect.poll(async () => page.getByTestId("verdict-message").textContent()).toMatch(/lost/i);
    await screenshot(page, "verdict-lost-updates");

    expect(offHost).toEqual([]);

    // The statement links the one page that documents the student-facing API.
    await page.getByRole("link", { name: "interleave module" }).click();
    await page
      .getByRole("heading", { name: /interleave\W*module/i })
      .first()
      .waitFor();
    await screenshot(page, "docs-ts");
    await context.close();
  });
});
