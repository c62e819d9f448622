// When the grading queue is full the exercise page says so, with the server's own sentence, and
// the code stays in the editor. A real 503 from the running app: its ceiling (GRADING_QUEUE_MAX)
// is reached with placeholder runs written straight into its database, removed afterwards.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { env } from "../../lib/env.ts";
import { newStudentContext, useBrowser } from "./browser.ts";
import { openExercise, pasteIntoEditor } from "./exercise-page.ts";

const browser = useBrowser();
const baseURL = inject("baseURL");

async function fillQueue(client: pg.Client, userId: string): Promise<void> {
  await client.query(`INSERT INTO users (id, name, email) VALUES ($1, 'placeholder', $2)`, [
    userId,
    `${userId}@example.test`,
  ]);
  const submission = await client.query<{ id: string }>(
    `INSERT INTO submissions (id, user_id, exercise_id, language, code)
     SELECT gen_random_uuid(), $1, id, language, '' FROM exercises WHERE track_slug = 'ts/shared-counter' RETURNING id::text`,
    [userId],
  );
  const waiting = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM grading_runs WHERE state IN ('queued', 'running') AND regrade_id IS NULL`,
  );
  const missing = env.GRADING_QUEUE_MAX - (waiting.rows[0]?.n ?? 0);
  // Runs without jobs: no worker takes them, and the sweeper only looks at them after 10 minutes.
  await client.query(
    `INSERT INTO grading_runs (id, submission_id) SELECT gen_random_uuid(), $1 FROM generate_series(1, $2)`,
    [submission.rows[0]?.id, missing],
  );
}

describe("a full grading queue", () => {
  it("refuses the submission with 503 and Retry-After, and the page shows the message", async () => {
    expect(env.GRADING_QUEUE_MAX).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: inject("e2eDatabaseUrl") });
    await client.connect();
    const userId = `e2e_queue_${randomUUID()}`;
    try {
      await fillQueue(client, userId);
      const context = await newStudentContext(browser.current, baseURL);
      const tab = await context.newPage();
      await openExercise(tab, baseURL, "ts/shared-counter");
      const code = "export const mine = 1; // stays put\n";
      await pasteIntoEditor(tab, code);
      const posted = tab.waitForResponse(
        (r) => r.url().endsWith("/api/submissions") && r.request().method() === "POST",
      );
      await tab.getByRole("button", { name: "Submit", exact: true }).click();
      const response = await posted;
      expect([response.status(), await response.headerValue("retry-after")]).toEqual([503, "30"]);

      const alert = tab.getByRole("alert").filter({ hasText: "the grader is busy" });
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(
        /Not submitted: the grader is busy.*The grader is busy: \d+ submissions are waiting for a verdict\. Try again in 30 seconds\./,
      );
      // Monaco renders spaces as no-break spaces.
      const shown = (await tab.getByTestId("editor").locator(".view-lines").textContent()) ?? "";
      expect(shown.replace(/\u00a0/g, " ")).toContain("export const mine = 1;");
      await context.close();
    } finally {
      await client.query(`DELETE FROM users WHERE id = $1`, [userId]);
      await client.end();
    }
  });
});
