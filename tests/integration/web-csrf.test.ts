// Cross-site request forgery against every state-changing route handler the app exports (found
// on disk, so a new route is covered or this file fails): a cross-site HTML form post
// (text/plain, the attacker's Origin), a cross-origin JSON fetch, a sibling-site request and one
// that says nothing about where it came from are all refused (403/415) with the victim's valid
// cookie and a valid body, and the database is exactly as before. The same request from our
// own page then succeeds, so the refusal is the origin check's doing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db";
import {
  createWorld,
  databaseSnapshot,
  listRouteHandlers,
  OUR_ORIGIN,
  type RouteHandler,
  urlOf,
  validRequests,
  type ValidRequest,
  WRITE_METHODS,
} from "./support/route-catalog.ts";
import { useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
afterAll(() => disconnectDb());

const EVIL = "https://evil.example";

let writes: RouteHandler[];

beforeAll(async () => {
  writes = (await listRouteHandlers()).filter((h) => WRITE_METHODS.includes(h.method) && h.route.startsWith("api/"));
});

async function send(target: RouteHandler, valid: ValidRequest, headers: Record<string, string>, body?: BodyInit) {
  const request = new Request(urlOf(target.route, valid.params, valid.query), {
    method: target.method,
    headers: { cookie: valid.as.cookie, ...headers },
    body: body ?? (valid.body === undefined ? undefined : JSON.stringify(valid.body)),
  });
  const response = await target.handler(request, { params: Promise.resolve(valid.params) });
  return { status: response.status, text: await response.text() };
}

describe("state-changing routes", () => {
  it("are found on disk, and each has a valid request to attack with", () => {
    expect(writes.length).toBeGreaterThanOrEqual(13);
    expect(writes.map((w) => w.key)).toContain("PUT api/drafts");
  });

  it("refuse cross-site forms and cross-origin fetches, storing nothing; our own page gets through", async () => {
    for (const target of writes) {
      // A fresh world per route: the successful control request of one route must not change
      // what the next one is attacked with.
      const world = await createWorld();
      const valid = validRequests(world)[target.key];
      if (!valid)
        throw new Error(`no valid request for ${target.key}: add one to tests/integration/support/route-catalog.ts`);
      const json = JSON.stringify(valid.body ?? {});
      const before = await databaseSnapshot();
      const attacks: Array<[string, Record<string, string>, number[]]> = [
        [
          "cross-site form post (text/plain)",
          { origin: EVIL, "content-type": "text/plain", "sec-fetch-site": "cross-site" },
          [403, 415],
        ],
        [
          "cross-site form post (urlencoded)",
          { origin: EVIL, "content-type": "application/x-www-form-urlencoded" },
          [403, 415],
        ],
        [
          "cross-origin JSON fetch",
          { origin: EVIL, "content-type": "application/json", "sec-fetch-site": "cross-site" },
          [403],
        ],
        ["sibling site, no Origin", { "content-type": "application/json", "sec-fetch-site": "same-site" }, [403]],
        ["no Origin, no Sec-Fetch-Site", { "content-type": "application/json" }, [403]],
        ["Origin null (sandboxed frame)", { origin: "null", "content-type": "application/json" }, [403]],
        ["our origin but a form's text/plain", { origin: OUR_ORIGIN, "content-type": "text/plain" }, [415]],
      ];
      for (const [name, headers, statuses] of attacks) {
        const response = await send(target, valid, headers, json);
        expect(statuses, `${target.key}: ${name} answered ${response.status} ${response.text}`).toContain(
          response.status,
        );
        expect(JSON.parse(response.text)).toMatchObject({
          error: { code: response.status === 403 ? "forbidden" : "unsupported_media_type" },
        });
      }
      expect(await databaseSnapshot(), `${target.key} stored something for a refused request`).toEqual(before);

      const ours = await send(target, valid, {
        origin: OUR_ORIGIN,
        "content-type": "application/json",
        "sec-fetch-site": "same-origin",
      });
      expect(ours.status, `${target.key} from our own page: ${ours.text}`).toBeLessThan(300);
      const noOrigin = await send({ ...target }, valid, {
        "content-type": "application/json; charset=utf-8",
        "sec-fetch-site": "same-origin",
      });
      expect(noOrigin.status, `${target.key} with Sec-Fetch-Site only`).not.toBe(403);
    }
  });
});
