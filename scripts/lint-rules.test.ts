// The layer rules of eslint.config.mjs fail on a planted violation (and the same file without
// the violation passes), so a rule that silently stopped matching would be noticed. Each planted
// text is linted as if it were an existing file's (the type-aware parser knows only files of the
// project), nothing is written.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const eslint = new ESLint({ cwd: root });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const PLANTED: { rule: string; file: string; bad: string; good: string; id: string }[] = [
  {
    rule: "lib/ imports neither Next nor React",
    file: "lib/auth/own-account.ts",
    bad: 'import { cookies } from "next/headers";\nexport const jar = cookies;\n',
    good: 'import { z } from "zod";\nexport const name = z.string();\n',
    id: "no-restricted-imports",
  },
  {
    rule: "the engine imports nothing from lib/ or app/",
    file: "grader/core/grade.ts",
    bad: 'import { db } from "../../lib/db.ts";\nexport const handle = db;\n',
    good: 'import { FAIL_REASONS } from "../contract.ts";\nexport const reasons = FAIL_REASONS;\n',
    id: "no-restricted-imports",
  },
  {
    rule: "app/ never imports Prisma",
    file: "app/account/page.tsx",
    bad: 'import { db } from "@/lib/db";\nexport const handle = db;\n',
    good: 'import { getOwnAccount } from "@/lib/auth/own-account";\nexport const read = getOwnAccount;\n',
    id: "no-restricted-imports",
  },
  {
    rule: "browser code imports server code only through a client-safe module",
    file: "components/classes/copy-button.tsx",
    bad: '"use client";\nimport { listAccounts } from "@/lib/auth/list-accounts";\nexport const list = listAccounts;\n',
    good: '"use client";\nimport { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";\nimport type { AccountListItem } from "@/lib/auth/list-accounts";\nexport const min: number = PASSWORD_MIN_LENGTH;\nexport type Item = AccountListItem;\n',
    id: "interleave/client-boundary",
  },
  {
    rule: "a client-safe module reaches no server code",
    file: "lib/classes/schemas.ts",
    bad: 'import { db } from "../db.ts";\nexport const handle = db;\n',
    good: 'import { z } from "zod";\nexport const name = z.string();\n',
    id: "no-restricted-imports",
  },
  {
    rule: "no floating promise",
    file: "lib/auth/own-account.ts",
    bad: "async function save(): Promise<void> {}\nexport function go(): void {\n  save();\n}\n",
    good: "async function save(): Promise<void> {}\nexport async function go(): Promise<void> {\n  await save();\n}\n",
    id: "@typescript-eslint/no-floating-promises",
  },
];

describe("eslint layer rules", () => {
  for (const p of PLANTED) {
    // The first lint builds the whole project's type information: slow on a busy machine.
    it(`${p.rule}: fails on a planted violation, passes without it`, { timeout: 240_000 }, async () => {
      expect(await ruleIds(p.file, p.bad)).toContain(p.id);
      expect(await ruleIds(p.file, p.good)).toEqual([]);
    });
  }
});
