// A class from both sides, every layer real: a teacher (made with `./interleave users create`)
// opens a class and assigns ts/promise-all; a student signs up from the join link, joins,
// solves it in the editor; the teacher's gradebook and CSV show the pass.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { usersCommand } from "../../scripts/users.ts";
import { newStudentContext, screenshot, useBrowser } from "./browser.ts";
import { pasteIntoEditor, submitAndWait } from "./exercise-page.ts";

const baseURL = inject("baseURL");
const browser = useBrowser();
const solution = readFileSync(
  path.resolve(import.meta.dirname, "../../exercises/ts/promise-all/solutions/good/promise-all.ts"),
  "utf8",
);

const run = randomUUID().slice(0, 8);
const teacher = { email: `teacher-${run}@example.test`, name: "Tess Teacher", password: "a long teacher passphrase" };
const student = { email: `student-${run}@example.test`, name: "Sam Student", password: "a long student passphrase" };

async function createTeacher(): Promise<void> {
  // The CLI talks to the platform's database directly, as an operator would.
  process.env.DATABASE_URL = inject("e2eDatabaseUrl");
  const output: string[] = [];
  const code = await usersCommand(
    ["create", "--email", teacher.email, "--name", teacher.name, "--role", "teacher", "--password-stdin"],
    {
      stdout: (text) => output.push(text),
      stderr: (text) => output.push(text),
      readStdin: async () => `${teacher.password}\n`,
    },
  );
  expect(code, output.join("")).toBe(0);
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(`${baseURL}${url}`);
  // Forms submit through React handlers; wait until the page is hydrated and idle.
  await page.waitForLoadState("networkidle");
}

describe("a teacher's class, from join code to gradebook", () => {
  it("shows the student's passing submission in the teacher's gradebook and CSV", async () => {
    await createTeacher();

    // Teacher: sign in, open a class, assign ts/promise-all.
    const teacherContext = await newStudentContext(browser.current, baseURL);
    const t = await teacherContext.newPage();
    await open(t, "/sign-in?next=/teach");
    await t.getByLabel("Email", { exact: true }).fill(teacher.email);
    await t.getByLabel("Password", { exact: true }).fill(teacher.password);
    await t.getByRole("button", { name: "Sign in", exact: true }).click();
    await t.waitForURL(`${baseURL}/teach`);
    await t.waitForLoadState("networkidle");
    await t.getByRole("heading", { name: "No classes yet" }).waitFor();
    await t.getByRole("textbox", { name: "New class" }).fill("Concurrency 101");
    await t.getByRole("button", { name: "Create class" }).click();
    await t.waitForURL(/\/teach\/classes\/[0-9a-f-]{36}$/);
    const classUrl = t.url();
    const joinCode = ((await t.getByTestId("join-code").textContent()) ?? "").replace("-", "").trim();
    expect(joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    await screenshot(t, "class-roster-empty");

    await t.getByRole("link", { name: "Assignments" }).click();
    await t.waitForURL(`${classUrl}/assignments`);
    await t.waitForLoadState("networkidle");
    await t.getByLabel("Exercise or quiz", { exact: true }).selectOption("exercise:ts/promise-all");
    await t.getByRole("button", { name: "Assign", exact: true }).click();
    await t.getByTestId("assignment-row").filter({ hasText: "ts/promise-all" }).waitFor();

    // Student: the join link asks for an account, sign-up returns to it, then join.
    const studentContext = await newStudentContext(browser.current, baseURL);
    const s = await studentContext.newPage();
    await open(s, `/join/${joinCode}`);
    await s.getByRole("heading", { name: "Concurrency 101" }).waitFor();
    expect(await s.textContent("body")).toContain(teacher.name);
    await s.getByRole("link", { name: "Create an account to join" }).click();
    await s.waitForURL(/\/sign-up\?next=/);
    await s.waitForLoadState("networkidle");
    await s.getByLabel("Name", { exact: true }).fill(student.name);
    await s.getByLabel("Email", { exact: true }).fill(student.email);
    await s.getByLabel("Password", { exact: true }).fill(student.password);
    await s.getByRole("button", { name: "Create account" }).click();
    await s.waitForURL(`${baseURL}/join/${joinCode}`);
    await s.waitForLoadState("networkidle");
    await s.getByRole("button", { name: "Join class" }).click();
    await s.waitForURL(`${baseURL}/dashboard`);
    const row = s.getByTestId("my-assignment").filter({ hasText: "Wait for three things at once" });
    await expect.poll(async () => row.getByTestId("assignment-status").textContent()).toBe("Not started");
    await screenshot(s, "student-dashboard-joined");

    await row.getByRole("link", { name: /Start/ }).click();
    await s.waitForURL(`${baseURL}/exercises/ts/promise-all`);
    await s.getByTestId("editor").locator(".monaco-editor").waitFor({ timeout: 60_000 });
    await pasteIntoEditor(s, solution);
    expect(await submitAndWait(s)).toBe("pass");

    await open(s, "/dashboard");
    const done = s.getByTestId("my-assignment").filter({ hasText: "Wait for three things at once" });
    expect(await done.getByTestId("assignment-status").textContent()).toBe("Passed");

    // Teacher: the gradebook shows the pass (100, one attempt), and so does the CSV.
    await open(t, `${new URL(classUrl).pathname}/gradebook`);
    const gradebookRow = t.getByTestId("gradebook").getByRole("row").filter({ hasText: student.name });
    const cell = gradebookRow.getByRole("link", { name: /Wait for three things at once/ });
    await expect.poll(async () => cell.getAttribute("aria-label")).toMatch(/best 100%, 1 attempt, passed/);
    expect(await cell.getAttribute("href")).toMatch(/\/students\/[^/]+\/exercises\/ts\/promise-all$/);
    await screenshot(t, "gradebook-after-pass");

    const csv = await teacherContext.request.get(`${classUrl}/gradebook.csv`);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).split("\r\n");
    expect(lines[0]).toContain(
      "ts/promise-all score,ts/promise-all attempts,ts/promise-all passed_at,ts/promise-all late",
    );
    expect(lines[1]).toMatch(
      new RegExp(`^${student.name},${student.email},[^,]+,1,1,1,1,\\d{4}-\\d\\d-\\d\\dT[^,]+,false$`),
    );

    // The student cannot open the teacher's pages or the export.
    const refused = await studentContext.request.get(`${classUrl}/gradebook.csv`);
    expect(refused.status()).toBe(403);
    expect(await refused.text()).not.toContain(student.email);

    await teacherContext.close();
    await studentContext.close();
  });
});
