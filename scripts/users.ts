// `./interleave users create | set-role`: the first admin or teacher is made here, by whoever
// runs the server; after that, admins promote people from the /admin page. Uses DATABASE_URL, or
// the embedded database (and its generated auth secret) when it is not set.
import path from "node:path";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { startEmbeddedPostgres, type RunningPostgres } from "../lib/db/embedded.ts";
import { EMBEDDED_DEFAULTS } from "../lib/db/embedded-defaults.ts";
import { env, optionalEnv, setEnv } from "../lib/env.ts";
import { prepareDatabase } from "../lib/db/prepare-database.ts";
import { isAppError } from "../lib/errors.ts";
import { describeZodError } from "../lib/http/errors-to-response.ts";
import { UserRole } from "../lib/auth/roles.ts";
import { loadOrCreateSecret } from "./platform/secret.ts";

const USAGE = `usage: ./interleave users create --email E --name N --role admin|teacher|student [--password-stdin]
       ./interleave users set-role --email E --role admin|teacher|student
Without --password-stdin a strong password is generated and printed once.
`;

export type CommandIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
};

const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks).toString("utf8");
  },
};

export async function usersCommand(args: string[], io: CommandIo = processIo): Promise<number> {
  const [sub, ...rest] = args;
  let values: { email?: string; name?: string; role?: string; "password-stdin"?: boolean };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        "password-stdin": { type: "boolean" },
      },
      strict: true,
    }));
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const role = UserRole.safeParse(values.role);
  const valid =
    sub === "create"
      ? Boolean(values.email && values.name)
      : sub === "set-role" && Boolean(values.email) && !values.name;
  if (!valid || !role.success || !values.email) {
    io.stderr(USAGE);
    return 2;
  }

  const server = await connect(io);
  try {
    if (sub === "create") {
      const password = values["password-stdin"] ? (await io.readStdin()).replace(/\r?\n$/, "") : undefined;
      const { createAccount } = await import("../lib/auth/create-account.ts");
      const created = await createAccount({ email: values.email, name: values.name ?? "", role: role.data, password });
      io.stdout(`created ${role.data} ${values.email.toLowerCase()} (${created.userId})\n`);
      if (created.generated) io.stdout(`password: ${created.password}\n(shown once; they can change it on /account)\n`);
    } else {
      const { setUserRole } = await import("../lib/auth/set-user-role.ts");
      const changed = await setUserRole({ user: { email: values.email }, role: role.data });
      io.stdout(
        changed.previous === changed.role
          ? `${changed.email} is already ${changed.role}\n`
          : `${changed.email}: ${changed.previous} → ${changed.role} (counts from their next request)\n`,
      );
    }
    return 0;
  } catch (error) {
    if (isAppError(error)) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    if (error instanceof ZodError) {
      io.stderr(`${describeZodError(error)}\n`);
      return 2;
    }
    throw error;
  } finally {
    const { disconnectDb } = await import("../lib/db.ts");
    await disconnectDb();
    await server?.stop();
  }
}

/** DATABASE_URL, or the embedded server (started if needed) with the install's auth secret. */
async function connect(io: CommandIo): Promise<RunningPostgres | undefined> {
  if (!optionalEnv("BETTER_AUTH_SECRET"))
    setEnv(
      "BETTER_AUTH_SECRET",
      loadOrCreateSecret(env.INTERLEAVE_DATA_DIR ?? path.resolve(import.meta.dirname, "../.data")),
    );
  if (optionalEnv("DATABASE_URL")) return undefined;
  const server = await startEmbeddedPostgres({
    dataDir: EMBEDDED_DEFAULTS.dataDir,
    port: EMBEDDED_DEFAULTS.port,
    database: EMBEDDED_DEFAULTS.database,
  });
  io.stderr(`[users] ${server.reused ? "using the running" : "started the"} embedded Postgres\n`);
  setEnv("DATABASE_URL", server.url);
  // The first admin may well be created before the first `./interleave start`.
  await prepareDatabase({ databaseUrl: server.url });
  return server;
}
