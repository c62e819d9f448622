// Hints after a failure: none is shown until asked for, they open one at a time in the order
// symptom → idea → code, only those that fit the failure's reasons, and opened ones stay open
// after a reload. A pass shows none.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { newStudentContext, screenshot, useBrowser } from "./browser.ts";
import { openExercise, pasteIntoEditor, submitAndWait } from "./exercise-page.ts";

const dir = path.resolve(import.meta.dirname, "../../exercises/ts/promise-all");
const meta = JSON.parse(readFileSync(path.join(dir, "exercise.json"), "utf8")) as {
  hints: { text: string; reasons?: string[] }[];
};
const sequential = readFileSync(path.join(dir, "solutions/bad/await-in-loop.ts"), "utf8");
const good = readFileSync(path.join(dir, "solutions/good", "promise-all.ts"), "utf8");
const fitting = meta.hints.filter((h) => !h.reasons || h.reasons.includes("no_overlap"));

const browser = useBrowser();
const baseURL = inject("baseURL");

describe("hints", () => {
  it("opens the hints that fit a failure one at a time, keeps them open, and shows none after a pass", async () => {
    expect(fitting.length).toBeGreaterThan(1);
    expect(fitting.length).toBeLessThan(meta.hints.length);
    const context = await newStudentContext(browser.current, baseURL, "light");
    const page = await context.newPage();
    await openExercise(page, baseURL, "ts/promise-all");

    await pasteIntoEditor(page, sequential);
    expect(await submitAndWait(page)).toBe("fail");
    const heading = page.locator("#hints-heading");
    await heading.waitFor();
    expect(await heading.textContent()).toContain(`0 of ${fitting.length} open`);
    expect(await page.getByTestId("hints").count()).toBe(0);

    for (let i = 1; i <= fitting.length; i++) {
      await page.getByTestId("next-hint").click();
      await expect.poll(() => page.getByTestId("hints").locator("li").count()).toBe(i);
      expect(
        await page
          .getByTestId("hints")
          .locator("li")
          .nth(i - 1)
          .textContent(),
      ).toContain(fitting[i - 1]!.text);
    }
    expect(await page.getByTestId("next-hint").count()).toBe(0);
    await screenshot(page, "hints-open-light");

    await page.reload();
    await page.getByTestId("hints").waitFor();
    expect(await page.getByTestId("hints").locator("li").count()).toBe(fitting.length);

    await pasteIntoEditor(page, good);
    expect(await submitAndWait(page)).toBe("pass");
    expect(await page.locator("#hints-heading").count()).toBe(0);
    await context.close();
  });
});
