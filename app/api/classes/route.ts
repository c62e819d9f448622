// A teacher's classes: list them, open a new one. Anonymous visitors are refused (401) rather
// than given a guest account: classes need a real one.
import { withUser } from "@/lib/http/with-user";
import { createClass } from "@/lib/classes/create-class";
import { listTaughtClasses } from "@/lib/classes/list-taught-classes";
import type { z } from "zod";
import { CreateClassRequest, type CreateClassResponse } from "@/lib/classes/schemas";

export const GET = withUser({ role: "teacher" }, async ({ viewer }) => {
  return Response.json({ classes: await listTaughtClasses({ viewer }) });
});

export const POST = withUser({ role: "teacher", body: CreateClassRequest }, async ({ viewer, body }) => {
  const created = await createClass({ viewer, name: body.name });
  return Response.json({ class: created } satisfies z.input<typeof CreateClassResponse>, { status: 201 });
});
