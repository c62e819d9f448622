// A teacher opens a class; it gets a fresh join code. Codes are random, so a clash with an
// existing one is rare but possible: the unique index decides and we draw again.
import { randomInt } from "node:crypto";
import type { Viewer } from "../auth/viewer.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { requireTeacher } from "./class-access.ts";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "./join-code.ts";
import { ClassName } from "./schemas.ts";

const MAX_TRIES = 5;

/** 32^8 ≈ 1.1e12 codes: guessing one is hopeless; collisions are rare and retried. */
export function generateJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

export async function createClass(options: {
  viewer: Viewer | null;
  name: string;
  /** Injected by tests to force a collision. */
  nextCode?: () => string;
}): Promise<{ id: string; name: string; joinCode: string }> {
  const teacher = requireTeacher(options.viewer);
  const name = ClassName.parse(options.name);
  const nextCode = options.nextCode ?? generateJoinCode;
  for (let attempt = 1; attempt <= MAX_TRIES; attempt++) {
    try {
      return await db.class.create({
        data: { name, ownerId: teacher.id, joinCode: nextCode() },
        select: { id: true, name: true, joinCode: true },
      });
    } catch (error) {
      const clash = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!clash) throw error;
    }
  }
  throw new AppError("conflict", "Could not find a free join code. Please try again.");
}
