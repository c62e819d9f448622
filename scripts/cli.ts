// Entry point of ./interleave. Each command lives in its own module, loaded on demand so
// `grade` does not pay for Next or Prisma.
const USAGE = `usage: ./interleave <command>

  start                         start Postgres (embedded unless DATABASE_URL is set), migrate,
                                sync exercises, then the web server and GRADING_WORKERS grader workers
  test                          run every test (unit, integration, exercise checks, e2e)
  grade <exercise-id> <file> [--json]
                                grade one file; --json prints exactly one GradeResult
  exercises check               run every exercise's good and bad solutions
  exercises schema [--check]    write (or verify) exercises/exercise.schema.json
  db migrate                    apply prisma/migrations to DATABASE_URL (or the embedded db)
  worker                        run one grader worker against DATABASE_URL (or the embedded db)
  bench <name>                  run a benchmark from bench/
  rust setup [--require]        install/find the Rust toolchain and build the crates once
  users create --email E --name N --role admin|teacher [--password-stdin]
                                create an account (prints a generated password unless given on stdin)
  users set-role --email E --role student|teacher|admin
                                change an account's role
`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  grade: async () => (await import("../grader/cli.ts")).gradeCommand,
  exercises: async () => (await import("../grader/cli.ts")).exercisesCommand,
  start: async () => (await import("./start.ts")).startCommand,
  test: async () => (await import("./test.ts")).testCommand,
  db: async () => (await import("./db.ts")).dbCommand,
  worker: async () => (await import("../grader/worker.ts")).workerCommand,
  bench: async () => (await import("../bench/run.ts")).benchCommand,
  rust: async () => (await import("../grader/runners/rust/toolchain/rust-command.ts")).rustCommand,
  users: async () => (await import("./users.ts")).usersCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`unknown command: ${name}\n\n${USAGE}`);
    return 2;
  }
  const run = await load();
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
