import { describe, expect, it } from "vitest";
import { describeAuthError, safeNext } from "./auth-errors";

describe("describeAuthError", () => {
  it("puts each better-auth code on the field the form shows it under", () => {
    expect(describeAuthError({ status: 422, code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" })).toEqual({
      field: "email",
      message: "An account with this email already exists.",
    });
    expect(describeAuthError({ status: 400, code: "PASSWORD_TOO_SHORT" })).toEqual({
      field: "password",
      message: "Use at least 8 characters.",
    });
    expect(describeAuthError({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD" })).toEqual({
      field: "form",
      message: "Wrong email or password.",
    });
    expect(describeAuthError({ status: 400, code: "INVALID_PASSWORD" }).field).toBe("currentPassword");
  });

  it("explains rate limiting and hides server failures", () => {
    expect(describeAuthError({ status: 429 }).message).toMatch(/Too many attempts/);
    expect(describeAuthError({ status: 500, message: "PrismaClientKnownRequestError at …" }).message).not.toMatch(
      /Prisma/,
    );
  });
});

describe("safeNext", () => {
  it("follows same-site paths only", () => {
    expect(safeNext("/exercises/ts/shared-counter")).toBe("/exercises/ts/shared-counter");
    expect(safeNext("https://evil.example")).toBe("/");
    expect(safeNext("//evil.example/x")).toBe("/");
    expect(safeNext("/\\evil.example")).toBe("/");
    expect(safeNext(undefined, "/account")).toBe("/account");
    expect(safeNext(["/a", "/b"])).toBe("/a");
  });
});
