// `./interleave users create | set-role`: accounts made through better-auth's sign-up (so the
// password hash is the library's), usable at once in the browser's sign-in.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { type CommandIo, usersCommand } from "@/scripts/users";
import { AuthSession, sessionUser, useTestAuthSecret } from "./support/auth-session.ts";
import { useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
useTestAuthSecret();
afterAll(() => disconnectDb());

function capture(stdin = ""): CommandIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    readStdin: async () => stdin,
    out: () => out,
    err: () => err,
  };
}

const email = (who: string) => `${who}-${randomUUID().slice(0, 8)}@example.test`;

describe("users create", () => {
  it("creates an admin with a generated password that signs in", async () => {
    const address = email("root");
    const io = capture();
    expect(await usersCommand(["create", "--email", address, "--name", "Root Admin", "--role", "admin"], io)).toBe(0);
    const password = /password: (\S+)/.exec(io.out())?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(20);

    const user = await db.user.findUniqueOrThrow({
      where: { email: address },
      include: { accounts: true, sessions: true },
    });
    expect(user).toMatchObject({ role: "admin", emailVerified: true, isAnonymous: false, name: "Root Admin" });
    expect(user.sessions).toEqual([]);
    expect(user.accounts.map((a) => a.providerId)).toEqual(["credential"]);
    expect(user.accounts[0]?.password).not.toContain(password);

    const browser = new AuthSession();
    expect((await browser.auth("sign-in/email", { email: address, password })).status).toBe(200);
    expect(await sessionUser(browser)).toMatchObject({ email: address, role: "admin" });
  });

  it("takes the password from stdin and prints none", async () => {
    const address = email("teacher");
    const io = capture("a teacher's passphrase\n");
    expect(
      await usersCommand(["create", "--email", address, "--name", "T", "--role", "teacher", "--password-stdin"], io),
    ).toBe(0);
    expect(io.out()).not.toContain("password:");
    expect(
      (await new AuthSession().auth("sign-in/email", { email: address, password: "a teacher's passphrase" })).status,
    ).toBe(200);
  });

  it("refuses a taken email, a short password and bad usage", async () => {
    const address = email("dup");
    expect(await usersCommand(["create", "--email", address, "--name", "D", "--role", "teacher"], capture())).toBe(0);
    const again = capture();
    expect(await usersCommand(["create", "--email", address, "--name", "D", "--role", "teacher"], again)).toBe(1);
    expect(again.err()).toMatch(/already exists/);
    const short = capture("short\n");
    expect(
      await usersCommand(
        ["create", "--email", email("s"), "--name", "S", "--role", "teacher", "--password-stdin"],
        short,
      ),
    ).toBe(2);
    expect(short.err()).toMatch(/at least 8 characters/);
    expect(await usersCommand(["create", "--email", email("x"), "--role", "teacher"], capture())).toBe(2);
    expect(await usersCommand(["create", "--email", email("x"), "--name", "X", "--role", "root"], capture())).toBe(2);
    expect(await usersCommand(["promote"], capture())).toBe(2);
  });
});

describe("users set-role", () => {
  it("changes a signed-up user's role by email", async () => {
    const address = email("student");
    await new AuthSession().auth("sign-up/email", { name: "S", email: address, password: "correct horse battery" });
    const io = capture();
    expect(await usersCommand(["set-role", "--email", address.toUpperCase(), "--role", "teacher"], io)).toBe(0);
    expect(io.out()).toContain("student → teacher");
    expect((await db.user.findUniqueOrThrow({ where: { email: address } })).role).toBe("teacher");

    const missing = capture();
    expect(await usersCommand(["set-role", "--email", email("nobody"), "--role", "teacher"], missing)).toBe(1);
    expect(missing.err()).toMatch(/no user/);
  });
});
