// Hidden tests and solutions never reach a browser: for every exercise, the page a student
// loads (HTML, RSC payload and every script it references) contains no line that exists only
// in tests.* or solutions/** — while the starter and statement are there, so the check sees
// real content.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { exerciseLayout, listFiles } from "../../grader/core/exercise-files.ts";
import { loadExercises } from "../../grader/core/load-exercises.ts";

const baseURL = inject("baseURL");

/** Lines distinctive enough that finding one in a response means the file leaked. */
function distinctiveLines(text: string, publicText: string): string[] {
  return [
    ...new Set(
      text
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line.length >= 28 && !publicText.includes(line) && !/^(\/\/|\/\*|\*|#)/.test(line)),
    ),
  ];
}

/**
 * Text as it can appear in a response: inside the RSC payload a line is JSON-escaped once or
 * twice (a string in a JSON string in a script), in HTML entity-escaped. Comparing without
 * backslashes and entities finds it in every form.
 */
function normalise(text: string): string {
  const entities: Record<string, string> = {
    "&quot;": '"',
    "&#x27;": "'",
    "&#39;": "'",
    "&lt;": "<",
    "&gt;": ">",
    "&amp;": "&",
  };
  return text.replace(/&(quot|#x27|#39|lt|gt|amp);/g, (m) => entities[m] ?? m).replaceAll("\\", "");
}

async function pageWithScripts(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const html = await response.text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => new URL(m[1] ?? "", url).toString());
  const bodies = await Promise.all(scripts.map(async (src) => (await fetch(src)).text()));
  return normalise([html, ...bodies].join("\n"));
}

describe("hidden exercise content", () => {
  it("never appears in what a browser receives for any exercise page", async () => {
    const { exercises } = await loadExercises();
    expect(exercises.length).toBeGreaterThan(5);
    for (const exercise of exercises) {
      const layout = exerciseLayout(exercise.track);
      // The hints are published with the page (revealed one at a time after a failure; the
      // last one shows the code), so their lines are public too.
      const publicText = `${exercise.starter}\n${exercise.statement}\n${exercise.meta.hints.map((h) => h.text).join("\n")}`;
      const hiddenFiles = [
        layout.tests,
        ...(await listFiles(path.join(exercise.dir, layout.goodDir))).map((f) => path.join(layout.goodDir, f)),
        ...(await listFiles(path.join(exercise.dir, layout.badDir))).map((f) => path.join(layout.badDir, f)),
      ];
      const received = await pageWithScripts(`${baseURL}/exercises/${exercise.id}`);
      // The check can see: the starter's own distinctive lines are in the page.
      const starterLine = exercise.starter
        .split("\n")
        .map((l) => l.trim())
        .find((l) => l.length >= 28);
      if (starterLine)
        expect(received.includes(normalise(starterLine)), `${exercise.id}: the starter is not in the page`).toBe(true);
      for (const file of hiddenFiles) {
        const lines = distinctiveLines(readFileSync(path.join(exercise.dir, file), "utf8"), publicText);
        const leaked = lines.filter((line) => received.includes(normalise(line)));
        expect(leaked, `${exercise.id}/${file} leaked into the page`).toEqual([]);
      }
    }
  });
});
