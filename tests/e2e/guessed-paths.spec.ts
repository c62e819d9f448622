// URLs a visitor may guess from the ones they see lead somewhere: /exercises and
// /exercises/<track> to the catalog (the home page, one section per track), /docs to the docs.
import { describe, expect, inject, it } from "vitest";

const baseURL = inject("baseURL");

async function location(path: string): Promise<{ status: number; to: string | null }> {
  const response = await fetch(`${baseURL}${path}`, { redirect: "manual" });
  return { status: response.status, to: response.headers.get("location") };
}

describe("guessed paths", () => {
  it("redirect to the catalog and the docs instead of a 404", async () => {
    expect(await location("/exercises")).toEqual({ status: 307, to: "/" });
    expect(await location("/exercises/rust")).toEqual({ status: 307, to: "/#track-rust" });
    expect(await location("/docs")).toEqual({ status: 307, to: "/docs/ts" });
    const home = await fetch(`${baseURL}/`);
    expect(await home.text()).toContain('id="track-rust"');
    expect((await fetch(`${baseURL}/exercises/nothing`)).status).toBe(404);
  });
});
