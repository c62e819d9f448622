// The rules for the user fields better-auth writes from client input (name, image), checked in
// its database hooks so that sign-up, update-user and any future endpoint refuse bad text with
// 400 instead of storing it (or failing in Postgres with 500, as NUL did).
import { APIError } from "better-auth/api";
import { z } from "zod";
import { describeZodError } from "../http/errors-to-response.ts";
import { PersonName, singleLine } from "../http/schemas.ts";

export const IMAGE_URL_MAX = 2048;

const UserFields = z.object({
  name: PersonName.optional(),
  image: singleLine(IMAGE_URL_MAX).nullable().optional(),
});

/** Throws better-auth's 400 naming the field; returns nothing when the fields are acceptable. */
export function checkUserFields(user: Record<string, unknown>): void {
  const parsed = UserFields.safeParse({ name: user.name, image: user.image });
  if (!parsed.success) throw new APIError("BAD_REQUEST", { message: describeZodError(parsed.error) });
}
