// The single Prisma client for web, worker and scripts (Prisma 7 + the node-postgres driver
// adapter). Created on first use so importing lib/ never needs DATABASE_URL; cached on
// globalThis in development so hot reloads do not open a new pool each time.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { env } from "./env.ts";

const globalForDb = globalThis as unknown as { interleaveDb?: PrismaClient };

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL }) });
}

function getClient(): PrismaClient {
  if (globalForDb.interleaveDb) return globalForDb.interleaveDb;
  const client = createClient();
  // Production keeps the module cache for the process lifetime; caching there too is harmless
  // and keeps one pool per process even if the module is loaded twice (worker + lib imports).
  globalForDb.interleaveDb = client;
  return client;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getClient();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Closes the pool (worker shutdown, scripts, tests). */
export async function disconnectDb(): Promise<void> {
  const client = globalForDb.interleaveDb;
  globalForDb.interleaveDb = undefined;
  await client?.$disconnect();
}
