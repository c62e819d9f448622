// The key of a does-it-compile item is a claim about rustc ("compiles", or the error code it
// reports). This hook proves every claim by compiling each distinct snippet the generators can
// produce. Without a Rust toolchain it verifies nothing and says so loudly: CI has the
// toolchain and must run it.
import { generateItem } from "./define.ts";
import { ITEM_DEFINITIONS } from "./items/index.ts";

export type CompileResult = { ok: true } | { ok: false; errorCodes: string[]; message: string };
/** Compiles one standalone Rust program (std only) and reports success or its error codes. */
export type CompileSnippet = (options: { source: string }) => Promise<CompileResult>;

export type CompileClaimSummary = { snippets: number; passed: number; failed: number; skipped: number };

export async function verifyCompileClaims(options: {
  compile?: CompileSnippet;
  /** Why no compiler was given, for the SKIPPED banner. */
  unavailable?: string;
  seeds?: number;
  log: (line: string) => void;
}): Promise<CompileClaimSummary> {
  const snippets = collectSnippets(options.seeds ?? 60);
  const summary: CompileClaimSummary = { snippets: snippets.length, passed: 0, failed: 0, skipped: 0 };
  if (!options.compile) {
    summary.skipped = snippets.length;
    options.log(
      `SKIPPED ${snippets.length} does-it-compile claim(s): ${options.unavailable ?? "no Rust compiler available"}`,
    );
    return summary;
  }
  for (const snippet of snippets) {
    const result = await options.compile({ source: snippet.source });
    const got = result.ok ? "compiles" : result.errorCodes.join("+") || "error without code";
    const ok = snippet.claim === "compiles" ? result.ok : !result.ok && result.errorCodes.includes(snippet.claim);
    summary[ok ? "passed" : "failed"] += 1;
    options.log(
      ok
        ? `ok   compile ${snippet.where} -> ${got}`
        : `FAIL compile ${snippet.where}: claims ${snippet.claim}, rustc says ${got}${result.ok ? "" : `: ${result.message}`}`,
    );
  }
  return summary;
}

type Snippet = { where: string; source: string; claim: string };

/** Every distinct (snippet, claim) pair the generators produce over `seeds` seeds. */
export function collectSnippets(seeds: number): Snippet[] {
  const bySource = new Map<string, Snippet>();
  for (const definition of ITEM_DEFINITIONS.values()) {
    for (let s = 0; s < seeds; s += 1) {
      const item = generateItem(definition, `compile-${s}`);
      if (item.type !== "compiles" || !item.code) continue;
      const key = item.code.source;
      const known = bySource.get(key);
      if (known && known.claim !== item.claim) throw new Error(`${item.itemId}: one snippet with two claims`);
      if (!known)
        bySource.set(key, {
          where: `${item.itemId}/${item.variantId}#${bySource.size + 1}`,
          source: key,
          claim: item.claim,
        });
    }
  }
  return [...bySource.values()];
}
