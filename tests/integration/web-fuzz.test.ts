// Property-based fuzzing of every route handler the app exports (found on disk): starting from a
// request its user may make, fast-check corrupts path segments, body fields, the whole body or the
// query string — control characters (NUL included), broken surrogates, huge strings, wrong types,
// junk JSON — and sends it from our own origin with the user's cookie. Whatever it sends, the
// answer is never a 5xx; input that is certainly bad gets a 4xx with an error body and stores
// nothing (row counts around each request, content hashes around each route).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db";
import { useTestDatabase } from "./support/fixtures.ts";
import {
  createWorld,
  databaseSnapshot,
  listRouteHandlers,
  OUR_ORIGIN,
  paramNames,
  type RouteHandler,
  rowCounts,
  urlOf,
  validRequests,
  type ValidRequest,
  type World,
} from "./support/route-catalog.ts";

useTestDatabase();
afterAll(() => disconnectDb());

const RUNS = 60;

// Text no field accepts: a control character that even code refuses, a broken surrogate, or far
// over every cap (names 100, code 64 KiB).
const forbiddenControl = fc.constantFrom("\u0000", "\u0001", "\u0007", "\b", "\u000b", "\u000c", "\u001b", "\u007f");
const badText = fc.oneof(
  fc.tuple(fc.string({ maxLength: 12 }), forbiddenControl, fc.string({ maxLength: 12 })).map(([a, c, b]) => a + c + b),
  fc.constantFrom("\uD800", "ab\uDFFFcd", "x".repeat(100_001), "é".repeat(70_000), "\u0000".repeat(4096)),
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** A value of a JSON field that its schema certainly refuses, given the valid one. */
function badFor(valid: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(valid)) {
    const overLong = fc.constant(Array.from({ length: 1000 }, () => valid[0] ?? null));
    return fc.oneof(
      badText,
      fc.integer(),
      fc.constant(null),
      fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
      overLong,
    );
  }
  // null stays out for strings: a due date may be null.
  return fc.oneof(badText, wrongType);
}

/** Whole bodies no route accepts: not JSON, not an object, not UTF-8, or over the size cap. */
const badBody: fc.Arbitrary<BodyInit> = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    "nul",
    "null",
    "42",
    '"text"',
    "[]",
    "[1,2]",
    "true",
    `{"a":1,}`,
    "[".repeat(100_000) + "]".repeat(100_000),
  ),
  fc.constant(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])),
  fc.constant(JSON.stringify({ pad: "x".repeat(600 * 1024) })),
  fc.string({ maxLength: 40 }).filter((s) => !s.trim().startsWith("{")),
);
const badSegment = fc.oneof(
  badText,
  fc.string({ maxLength: 30 }),
  fc.uuid(),
  fc.constantFrom("", "%", "%00", "..", "x".repeat(10_000)),
);
const junkQueryValue = fc.oneof(badText, fc.fullUnicodeString({ maxLength: 30 }));

type Corruption =
  | { kind: "param"; name: string; value: string }
  | { kind: "field"; key: string; value: unknown }
  | { kind: "body"; value: BodyInit }
  | { kind: "query"; key: string; value: string };

/** Corruptions that certainly make the request bad: a path segment, a body field, the whole body. */
function certainCorruptions(route: string, valid: ValidRequest): fc.Arbitrary<Corruption>[] {
  const options: fc.Arbitrary<Corruption>[] = paramNames(route).map((name) =>
    badSegment.map((value): Corruption => ({ kind: "param", name, value })),
  );
  if (valid.body !== undefined && typeof valid.body === "object" && valid.body !== null) {
    for (const [key, value] of Object.entries(valid.body))
      options.push(badFor(value).map((bad): Corruption => ({ kind: "field", key, value: bad })));
    options.push(badBody.map((value): Corruption => ({ kind: "body", value })));
  }
  return options;
}

/** Query strings: the route's own keys and junk ones. Not certainly bad (a search term may be anything). */
function queryCorruption(valid: ValidRequest): fc.Arbitrary<Corruption> {
  const keys = [...Object.keys(valid.query ?? {}), "q", "exerciseId", "\u0000", "x".repeat(300)];
  return fc
    .tuple(fc.constantFrom(...keys), junkQueryValue)
    .map(([key, value]): Corruption => ({ kind: "query", key, value }));
}

/** Writes always get at least one certain corruption (a valid write would rightly store something). */
function badRequest(target: RouteHandler, valid: ValidRequest): fc.Arbitrary<Corruption[]> {
  const certain = certainCorruptions(target.route, valid);
  const query = fc.array(queryCorruption(valid), { maxLength: 2 });
  if (certain.length === 0) return fc.array(queryCorruption(valid), { minLength: 1, maxLength: 3 });
  const bad = fc.array(fc.oneof(...certain), { minLength: 1, maxLength: 3 });
  if (target.method !== "GET") return fc.tuple(bad, query).map(([a, b]) => [...a, ...b]);
  return fc.oneof(
    fc.tuple(bad, query).map(([a, b]) => [...a, ...b]),
    fc.array(queryCorruption(valid), { minLength: 1, maxLength: 3 }),
  );
}

async function send(target: RouteHandler, valid: ValidRequest, applied: Corruption[], anonymous: boolean) {
  const params = { ...valid.params };
  const query: Record<string, string> = { ...valid.query };
  const body: Record<string, unknown> | undefined =
    valid.body === undefined ? undefined : { ...(valid.body as Record<string, unknown>) };
  let raw: BodyInit | undefined;
  for (const c of applied) {
    if (c.kind === "param") params[c.name] = c.value;
    else if (c.kind === "query") query[c.key] = c.value;
    else if (c.kind === "field" && body) body[c.key] = c.value;
    else if (c.kind === "body") raw = c.value;
  }
  const headers: Record<string, string> = { origin: OUR_ORIGIN, "content-type": "application/json" };
  if (!anonymous) headers.cookie = valid.as.cookie;
  // Params reach the handler decoded, as Next passes them; the URL is only for the query string.
  const url = urlOf(target.route, Object.fromEntries(Object.keys(params).map((k) => [k, "p"])), query);
  const request = new Request(url, {
    method: target.method,
    headers,
    body: target.method === "GET" ? undefined : (raw ?? (body === undefined ? undefined : JSON.stringify(body))),
  });
  const response = await target.handler(request, { params: Promise.resolve(params) });
  return { status: response.status, text: await response.text() };
}

let handlers: RouteHandler[];
let world: World;

beforeAll(async () => {
  handlers = await listRouteHandlers();
  world = await createWorld();
});

describe("fuzzing every route handler", () => {
  it("finds the routes and a valid request for each", () => {
    const table = validRequests(world);
    expect(handlers.filter((h) => !table[h.key]).map((h) => h.key)).toEqual([]);
  });

  it("never answers 5xx and stores nothing for bad input", async () => {
    const table = validRequests(world);
    for (const target of handlers) {
      const valid = table[target.key];
      if (!valid) throw new Error(`no valid request for ${target.key}`);
      // One request in five without the session cookie.
      const arbitrary = fc.record({
        applied: badRequest(target, valid),
        anonymous: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
      });
      const before = await databaseSnapshot();
      await fc.assert(
        fc.asyncProperty(arbitrary, async ({ applied, anonymous }) => {
          const counts = await rowCounts();
          const response = await send(target, valid, applied, anonymous);
          const label = `${target.key} ${JSON.stringify(applied).slice(0, 300)} → ${response.status} ${response.text.slice(0, 200)}`;
          expect(response.status, label).toBeLessThan(500);
          const certainlyBad = applied.some((c) => c.kind !== "query");
          if (certainlyBad) {
            expect(response.status, label).toBeGreaterThanOrEqual(400);
            expect(JSON.parse(response.text), label).toMatchObject({
              error: { code: expect.any(String), message: expect.any(String) },
            });
          }
          if (certainlyBad || target.method === "GET") expect(await rowCounts(), label).toEqual(counts);
        }),
        { numRuns: RUNS },
      );
      expect(await databaseSnapshot(), `${target.key} changed the database`).toEqual(before);
    }
  });
});
