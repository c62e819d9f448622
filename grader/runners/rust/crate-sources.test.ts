import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crateSources } from "./crate-sources.ts";

describe("crateSources", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "crate-sources-"));
    await writeFile(path.join(dir, "tests.rs"), "pub fn tests() -> Vec<super::Test> { vec![] }\n");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("ships every harness submodule interleave.rs declares, and no file it does not", async () => {
    const { hidden } = await crateSources({ code: "", dir, toolchainKey: "t" });
    const declared = [...(hidden["interleave.rs"] ?? "").matchAll(/^mod (\w+);$/gm)].map((m) => `${m[1]}.rs`);
    expect(declared.length).toBeGreaterThan(3);
    const harness = Object.keys(hidden).filter((name) => !["main.rs", "exercise.rs", "interleave.rs"].includes(name));
    expect(harness.sort()).toEqual(declared.sort());
    expect(hidden["exercise.rs"]).toContain("pub fn tests()");
  });

  it("keys the build cache by the student's code and the toolchain", async () => {
    const a = await crateSources({ code: "fn a() {}", dir, toolchainKey: "t" });
    expect((await crateSources({ code: "fn a() {}", dir, toolchainKey: "t" })).hash).toBe(a.hash);
    expect((await crateSources({ code: "fn b() {}", dir, toolchainKey: "t" })).hash).not.toBe(a.hash);
    expect((await crateSources({ code: "fn a() {}", dir, toolchainKey: "u" })).hash).not.toBe(a.hash);
  });
});
