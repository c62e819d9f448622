// The task timeline in the results panel: one lane per thread, a stall bar for code that blocks
// the event loop, a worker lane once the work moves off the main thread.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { newStudentContext, screenshot, useBrowser } from "./browser.ts";
import { openExercise, pasteIntoEditor, submitAndWait } from "./exercise-page.ts";

const dir = path.resolve(import.meta.dirname, "../../exercises/ts/blocked-event-loop/solutions");
const blocking = readFileSync(path.join(dir, "bad/original-sync.ts"), "utf8");
const offloaded = readFileSync(path.join(dir, "good/worker.ts"), "utf8");

const browser = useBrowser();
const baseURL = inject("baseURL");

describe("the task timeline", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`draws a stall bar for blocking code and a worker lane for the fix (${colorScheme})`, async () => {
      const context = await newStudentContext(browser.current, baseURL, colorScheme);
      const page = await context.newPage();
      await openExercise(page, baseURL, "ts/blocked-event-loop");

      await pasteIntoEditor(page, blocking);
      expect(await submitAndWait(page)).toBe("fail");
      const failing = page.getByTestId("test-row").first();
      // A failing test opens its timeline by default.
      const timeline = failing.getByTestId("timeline");
      await timeline.waitFor();
      expect(await timeline.getByTestId("timeline-lane").count()).toBe(1);
      expect(await timeline.getByTestId("span-blocked").count()).toBeGreaterThanOrEqual(1);
      expect(await timeline.textContent()).toMatch(/Longest stall: [\d.]+ (ms|s)/);
      await timeline.scrollIntoViewIfNeeded();
      await screenshot(page, `timeline-stall-${colorScheme}`);

      await pasteIntoEditor(page, offloaded);
      expect(await submitAndWait(page)).toBe("pass");
      const passing = page.getByTestId("test-row").first();
      await passing.getByRole("button", { name: /timeline/i }).click();
      const lanes = passing.getByTestId("timeline").getByTestId("timeline-lane");
      await lanes.first().waitFor();
      expect(await lanes.count()).toBe(2);
      expect(await passing.getByTestId("span-blocked").count()).toBe(0);
      await passing.getByTestId("timeline").scrollIntoViewIfNeeded();
      await screenshot(page, `timeline-worker-${colorScheme}`);
      await context.close();
    });
  }
});
