// Teacher pages refuse with real statuses and no class data, against the built app: anonymous
// visitors 401, students 403, another teacher 404 — for the class pages, the analytics, a
// student's work and the regrade pages. (Route handlers have their own matrix in
// tests/integration/classes-rights.test.ts and analytics-access.test.ts.)
import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { usersCommand } from "../../scripts/users.ts";

const baseURL = inject("baseURL");
const run = randomUUID().slice(0, 8);
const password = "a long enough passphrase";

async function createTeacher(email: string): Promise<void> {
  process.env.DATABASE_URL = inject("e2eDatabaseUrl");
  const output: string[] = [];
  const code = await usersCommand(
    ["create", "--email", email, "--name", "Teacher", "--role", "teacher", "--password-stdin"],
    {
      stdout: (text) => output.push(text),
      stderr: (text) => output.push(text),
      readStdin: async () => `${password}\n`,
    },
  );
  expect(code, output.join("")).toBe(0);
}

/** Signs in (or up) through better-auth's endpoints and returns the session cookie. */
async function session(path: "sign-in" | "sign-up", email: string): Promise<string> {
  const response = await fetch(`${baseURL}/api/auth/${path}/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseURL },
    body: JSON.stringify({ email, password, name: "Someone" }),
  });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function get(url: string, cookie?: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${baseURL}${url}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  return { status: response.status, body: await response.text() };
}

describe("teacher pages, as everyone who may not see them", () => {
  it("answer 401, 403 and 404 with none of the class's data", async () => {
    const owner = `owner-${run}@example.test`;
    const other = `other-${run}@example.test`;
    await createTeacher(owner);
    await createTeacher(other);
    const ownerCookie = await session("sign-in", owner);
    const className = `Secret class ${run}`;
    const created = await fetch(`${baseURL}/api/classes`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseURL, cookie: ownerCookie },
      body: JSON.stringify({ name: className }),
    });
    expect(created.status).toBeLessThan(300);
    const body = (await created.json()) as { id?: string; class?: { id: string } };
    const classId = body.id ?? body.class?.id;
    expect(classId).toBeTruthy();

    const pages = [
      "",
      "/gradebook",
      "/assignments",
      "/settings",
      "/analytics",
      "/analytics/ts/promise-all",
      "/students/nobody",
      `/regrades/${randomUUID()}`,
    ].map((p) => `/teach/classes/${classId}${p}`);
    const owned = await get(pages[0] ?? "", ownerCookie);
    expect(owned.status).toBe(200);
    expect(owned.body).toContain(className);

    const studentCookie = await session("sign-up", `student-${run}@example.test`);
    const otherCookie = await session("sign-in", other);
    const cases: { who: string; cookie?: string; status: number }[] = [
      { who: "anonymous", status: 401 },
      { who: "student", cookie: studentCookie, status: 403 },
      { who: "another teacher", cookie: otherCookie, status: 404 },
    ];
    for (const { who, cookie, status } of cases) {
      for (const url of [...pages, ...(status === 404 ? [] : ["/teach"])]) {
        const page = await get(url, cookie);
        expect(page.status, `${who} on ${url}`).toBe(status);
        expect(page.body.includes(className), `${who} on ${url} saw the class name`).toBe(false);
      }
    }
    const csv = await get(`/teach/classes/${classId}/gradebook.csv`, studentCookie);
    expect(csv.status).toBe(403);
    // /admin refuses the same way: 401 without an account, 403 for a student or a teacher.
    expect((await get("/admin")).status).toBe(401);
    expect((await get("/admin", studentCookie)).status).toBe(403);
    expect((await get("/admin", otherCookie)).status).toBe(403);
    // Signing in with nowhere in particular to go lands by role: teachers on their classes.
    for (const [cookie, home] of [
      [ownerCookie, "/teach"],
      [studentCookie, "/dashboard"],
    ] as const) {
      const landing = await fetch(`${baseURL}/landing`, { headers: { cookie }, redirect: "manual" });
      expect(new URL(landing.headers.get("location") ?? "", baseURL).pathname).toBe(home);
    }

    // Malformed or unknown addresses are the ordinary 404 (a bad percent-escape was a URIError
    // 500), and an exercise the class did not assign has no analytics for its teacher.
    for (const url of [
      "/join/%E0%A4%A",
      "/join/%00",
      `/join/${"A".repeat(3000)}`,
      "/join/ZZZZ-ZZZZ",
      `/teach/classes/${classId}/analytics/ts/promise-all`,
      `/teach/classes/${classId}/analytics/ts/no-such-exercise`,
      `/teach/classes/${classId}/analytics/%E0%A4%A/x`,
      `/teach/classes/${classId}/students/%E0%A4%A`,
    ]) {
      expect((await get(url, ownerCookie)).status, url).toBe(404);
    }
  });
});
