import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { loadQuizzes } from "./catalog.ts";
import { QuizFile, quizJsonSchema } from "./schema.ts";
import { QUIZ_SCHEMA_FILE } from "./write-schema.ts";

const valid = {
  id: "demo",
  title: "Demo quiz",
  summary: "A quiz used by the tests.",
  position: 0,
  items: ["cvp-definition", "cvp-timing", "join-all"],
};

describe("quiz files", () => {
  it("quiz.schema.json is up to date with schema.ts (run ./interleave exercises schema)", async () => {
    expect(await readFile(QUIZ_SCHEMA_FILE, "utf8")).toBe(quizJsonSchema());
  });

  it("accepts a valid quiz file and rejects unknown keys and bad ids", () => {
    expect(QuizFile.safeParse(valid).success).toBe(true);
    expect(QuizFile.safeParse({ ...valid, colour: "red" }).success).toBe(false);
    expect(QuizFile.safeParse({ ...valid, id: "Demo Quiz" }).success).toBe(false);
  });

  it("reports unknown items, duplicates and ids that do not match the file name", () => {
    const { problems } = loadQuizzes({
      "demo.quiz.json": { ...valid, items: ["cvp-definition", "cvp-definition", "no-such-item"] },
      "other.quiz.json": valid,
    });
    const messages = problems.map((p) => `${p.file}: ${p.message}`);
    expect(messages).toContain('demo.quiz.json: unknown item "no-such-item"');
    expect(messages).toContain("demo.quiz.json: an item is listed twice");
    expect(messages).toContain('other.quiz.json: id "demo" does not match the file name');
  });

  it("ships at least 40 items over the four quizzes, with no problems", () => {
    const { quizzes, problems } = loadQuizzes();
    expect(problems).toEqual([]);
    expect(quizzes.reduce((n, q) => n + q.items.length, 0)).toBeGreaterThanOrEqual(40);
  });
});
