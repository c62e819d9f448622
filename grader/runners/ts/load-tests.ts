// Imports an exercise's hidden tests (tests.ts, trusted code from the repository) and checks
// their shape, so a broken exercise is an internal error with a clear message.
import { pathToFileURL } from "node:url";
import { z } from "zod";
import type { ExerciseTest, ExerciseTests } from "./harness-api.ts";

const isFunction = (v: unknown): v is ExerciseTest["run"] => typeof v === "function";

const TestsModule = z.object({
  default: z.object({
    exports: z.record(z.string().regex(/^[A-Za-z_$][\w$]*$/), z.literal("function")),
    tests: z
      .array(
        z.object({
          name: z.string().min(1).max(300),
          clock: z.enum(["real", "virtual"]).optional(),
          run: z.custom<ExerciseTest["run"]>(isFunction),
        }),
      )
      .min(1),
  }),
});

export async function loadExerciseTests(options: { file: string }): Promise<ExerciseTests> {
  const module: unknown = await import(pathToFileURL(options.file).href);
  const parsed = TestsModule.safeParse(module);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`${options.file} must default-export defineTests({ exports, tests }): ${issues}`);
  }
  return parsed.data.default;
}
