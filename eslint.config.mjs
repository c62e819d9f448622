// ESLint (flat config) with typescript-eslint's type information. Two jobs: catch the bugs types
// alone miss (a promise nobody awaits, a switch that forgot a case) and keep the layers apart —
// each layer's allowed imports are lint rules, so a wrong import fails `./interleave test`
// (README, "Layout"; lint-rules.test.ts plants one violation per rule).
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

/** Import patterns a layer may not use, each with the reason the lint error gives. */
const NEXT_AND_REACT = [
  {
    group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*", "better-auth/react"],
    message: "lib/ is server and shared logic: it imports neither Next nor React (browser code lives in components/).",
  },
];
const SERVER_LAYERS = [
  {
    group: ["**/lib/**", "@/lib/**", "**/app/**", "@/app/**"],
    message:
      "The engine (grader/core, grader/runners) imports nothing from lib/ or app/: it runs in the grading child and the CLI without the web app.",
  },
];
const PRISMA = [
  {
    group: [
      "@prisma/*",
      "**/lib/generated/**",
      "@/lib/generated/**",
      "**/lib/db",
      "**/lib/db.ts",
      "@/lib/db",
      "@/lib/db.ts",
    ],
    message: "app/ never touches the database: call a procedure in lib/ instead.",
  },
];

/**
 * Modules the browser may load: request/response schemas, pure rules and helpers. They import
 * nothing that reaches the database, the server's secrets or Node (the rule below checks).
 */
const CLIENT_SAFE = [
  "lib/**/schemas.ts",
  "lib/auth/password-rules.ts",
  "lib/auth/roles.ts",
  "lib/drafts/code-fingerprint.ts",
  "lib/drafts/reconcile-drafts.ts",
  "lib/classes/join-code.ts",
  "lib/errors.ts",
  "lib/submissions/code-rules.ts",
];
const SERVER_ONLY = [
  {
    group: [
      "**/db",
      "**/db.ts",
      "**/db/**",
      "**/generated/**",
      "@prisma/*",
      "**/auth/auth",
      "**/auth/auth.ts",
      "**/env",
      "**/env.ts",
      "node:*",
    ],
    message:
      "A client-safe module (eslint.config.mjs, CLIENT_SAFE) imports nothing that reaches the database, the server's secrets or Node.",
  },
];

/** A file that starts with "use client" imports from lib/ only CLIENT_SAFE modules (type imports are erased, so free). */
const clientBoundary = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      server:
        "Browser code imports server code only through a client-safe module: {{from}} is not one (eslint.config.mjs, CLIENT_SAFE).",
    },
  },
  create(context) {
    const first = context.sourceCode.ast.body[0];
    if (first?.type !== "ExpressionStatement" || first.directive !== "use client") return {};
    const safe = CLIENT_SAFE.map(
      (glob) =>
        new RegExp(
          `^${glob
            .replace(/\.ts$/, "")
            .split("**/")
            .map((part) => part.replaceAll(".", "\\."))
            .join("(?:.+/)?")}$`,
        ),
    );
    return {
      ImportDeclaration(node) {
        if (node.importKind === "type") return;
        if (
          node.specifiers.length > 0 &&
          node.specifiers.every((s) => s.type === "ImportSpecifier" && s.importKind === "type")
        )
          return;
        const from = String(node.source.value);
        const match = /^(?:@\/|(?:\.\.\/)+)(lib\/.+?)(?:\.tsx?)?$/.exec(from);
        if (match && !safe.some((re) => re.test(match[1])))
          context.report({ node, messageId: "server", data: { from } });
      },
    };
  },
};

export default defineConfig(
  {
    ignores: [
      "node_modules/",
      ".tools/",
      ".next/",
      ".data/",
      ".cache/",
      "lib/generated/",
      "bench/out/",
      "next-env.d.ts",
      // Student-written samples and starters are graded, not linted: the corpus keeps a student's style and mistakes.
      "exercises/**/solutions/**",
      "exercises/**/starter.*",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      // An async handler on a JSX attribute (onSubmit={async …}) is how React 19 forms are written.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    // lib/env.ts is the one door to the environment (one zod schema). The engine (grader/core,
    // grader/runners, the quiz program runner in exercises/) may not import lib/, so it reads PATH and hands its environment to child
    // processes itself; tests set up theirs; prisma.config.ts is Prisma's CLI's own file.
    files: ["**/*.{ts,tsx}"],
    ignores: [
      "lib/env.ts",
      "exercises/**",
      "grader/core/**",
      "grader/runners/**",
      "**/*.test.ts",
      "tests/**",
      "prisma.config.ts",
      "bench/**",
    ],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read and write the environment through lib/env.ts (env, optionalEnv, setEnv, childEnv).",
        },
      ],
    },
  },
  {
    // Runs inside the isolates before student code: it forwards `arguments` whole to captured
    // built-ins (exact arity, no spread through a patchable iterator), swallows errors from
    // hostile values on purpose, and keeps `this` of objects handed to student code.
    files: ["grader/runners/ts/isolate/**/*.ts"],
    rules: {
      "prefer-rest-params": "off",
      "no-empty": ["error", { allowEmptyCatch: true }],
      "@typescript-eslint/no-this-alias": "off",
    },
  },
  { files: ["**/*.mjs"], languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } } },
  { files: ["lib/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: NEXT_AND_REACT }] } },
  {
    files: ["grader/core/**/*.ts", "grader/runners/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: SERVER_LAYERS }] },
  },
  {
    files: CLIENT_SAFE,
    rules: { "no-restricted-imports": ["error", { patterns: [...NEXT_AND_REACT, ...SERVER_ONLY] }] },
  },
  {
    files: ["app/**/*.tsx", "components/**/*.{ts,tsx}"],
    plugins: { interleave: { rules: { "client-boundary": clientBoundary } } },
    rules: { "interleave/client-boundary": "error" },
  },
  { files: ["app/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: PRISMA }] } },
);
