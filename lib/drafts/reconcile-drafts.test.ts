import { describe, expect, it } from "vitest";
import { codeFingerprint } from "./code-fingerprint.ts";
import { reconcileDrafts } from "./reconcile-drafts.ts";
import { LocalDraft } from "./schemas.ts";

const T0 = "2026-03-01T10:00:00.000Z";
const T1 = "2026-03-01T10:05:00.000Z";
const at = (iso: string, plusMs = 0) => Date.parse(iso) + plusMs;

function local(fields: Partial<LocalDraft> & { code: string }): LocalDraft {
  return LocalDraft.parse({ v: 1, writtenAt: at(T0, 1000), baseUpdatedAt: T0, saved: false, sent: [], ...fields });
}

describe("reconcileDrafts", () => {
  it("opens the server's draft when this browser has no copy", () => {
    expect(reconcileDrafts({ server: { code: "saved", updatedAt: T0 }, local: null })).toEqual({
      winner: "server",
      code: "saved",
      previous: null,
      notice: null,
      reason: "no-local",
    });
  });

  it("says nothing when both copies hold the same code", () => {
    const result = reconcileDrafts({ server: { code: "same", updatedAt: T1 }, local: local({ code: "same" }) });
    expect(result).toMatchObject({ winner: "server", previous: null, notice: null, reason: "same" });
  });

  it("restores typing the server never got, with the server's copy one undo step back", () => {
    const result = reconcileDrafts({
      server: { code: "saved", updatedAt: T0 },
      local: local({ code: "saved + typed" }),
    });
    expect(result).toEqual({
      winner: "local",
      code: "saved + typed",
      previous: "saved",
      notice: "restored",
      reason: "on-top-of-server",
    });
  });

  it("restores typing on the starter when the server has no draft yet", () => {
    const result = reconcileDrafts({
      server: { code: "starter", updatedAt: null },
      local: local({ code: "starter + typed", baseUpdatedAt: null }),
    });
    expect(result).toMatchObject({
      winner: "local",
      code: "starter + typed",
      previous: "starter",
      reason: "no-server-draft",
    });
  });

  it("keeps the local copy when the newer server draft is an earlier save from this browser", () => {
    // A save of "v2" was in flight when the page closed; the server stored it after the last keystroke.
    const result = reconcileDrafts({
      server: { code: "v2", updatedAt: T1 },
      local: local({ code: "v2 and more", writtenAt: at(T0, 500), sent: [codeFingerprint("v2")] }),
    });
    expect(result).toMatchObject({ winner: "local", code: "v2 and more", previous: "v2", reason: "own-save-landed" });
  });

  it("never lets a stale local copy overwrite a newer save from another device", () => {
    const result = reconcileDrafts({
      server: { code: "from the laptop", updatedAt: T1 },
      local: local({ code: "old typing here", writtenAt: at(T1, -60_000) }),
    });
    expect(result).toEqual({
      winner: "server",
      code: "from the laptop",
      previous: "old typing here",
      notice: "replaced",
      reason: "server-newer",
    });
  });

  it("prefers local typing made after the other device's save", () => {
    const result = reconcileDrafts({
      server: { code: "from the laptop", updatedAt: T1 },
      local: local({ code: "typed offline later", writtenAt: at(T1, 60_000) }),
    });
    expect(result).toMatchObject({
      winner: "local",
      previous: "from the laptop",
      notice: "restored",
      reason: "local-newer",
    });
  });

  it("sets a confirmed local copy aside quietly when the server moved on", () => {
    const result = reconcileDrafts({
      server: { code: "newer elsewhere", updatedAt: T1 },
      local: local({ code: "confirmed here", saved: true }),
    });
    expect(result).toMatchObject({
      winner: "server",
      code: "newer elsewhere",
      previous: "confirmed here",
      notice: null,
    });
  });

  it("does not mistake another device's different code for this browser's save", () => {
    const result = reconcileDrafts({
      server: { code: "other device", updatedAt: T1 },
      local: local({ code: "mine", writtenAt: at(T0, 10), sent: [codeFingerprint("mine, earlier")] }),
    });
    expect(result).toMatchObject({ winner: "server", reason: "server-newer" });
  });
});

describe("codeFingerprint", () => {
  it("is stable and tells apart codes that differ by one character", () => {
    expect(codeFingerprint("let x = 1;")).toBe(codeFingerprint("let x = 1;"));
    expect(codeFingerprint("let x = 1;")).not.toBe(codeFingerprint("let x = 2;"));
    expect(codeFingerprint("")).not.toBe(codeFingerprint(" "));
  });
});
