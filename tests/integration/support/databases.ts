// Scratch databases on the test server: the run's database and the migrator tests' throwaways.
import pg from "pg";

export const TEST_DB_PREFIX = "interleave_test_";

function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${encodeURIComponent(database)}`;
  return next.toString();
}

async function withAdmin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates `name` on the server of `serverUrl` and returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withAdmin(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

/** A throwaway database for one test; `drop` removes it. */
export async function scratchDatabase(
  anyUrl: string,
  label: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${TEST_DB_PREFIX}${label}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const url = await createDatabase(anyUrl, name);
  return { url, drop: () => dropDatabase(anyUrl, name) };
}

export async function otherActiveTestDatabases(serverUrl: string): Promise<number> {
  return withAdmin(serverUrl, async (client) => {
    const result = await client.query<{ count: string }>(
      `SELECT count(DISTINCT datname) AS count FROM pg_stat_activity WHERE datname LIKE $1`,
      [`${TEST_DB_PREFIX}%`],
    );
    return Number(result.rows[0]?.count ?? 0);
  });
}
