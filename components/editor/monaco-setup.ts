// Monaco from node_modules, never a CDN: the ESM build is bundled into this client chunk, its
// workers are bundled by the `new URL(…, import.meta.url)` pattern, and @monaco-editor/react
// is told to use this instance instead of fetching its loader script.
import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor";

self.MonacoEnvironment = {
  getWorker(_workerId, label) {
    if (label === "typescript" || label === "javascript") {
      return new Worker(new URL("monaco-editor/language/typescript/ts.worker.js", import.meta.url), { type: "module" });
    }
    return new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), { type: "module" });
  },
};

loader.config({ monaco });

// Student files are ES modules run in an isolate: no DOM, no Node, modern JS with
// SharedArrayBuffer and Atomics.
monaco.typescript.typescriptDefaults.setCompilerOptions({
  target: monaco.typescript.ScriptTarget.ESNext,
  module: monaco.typescript.ModuleKind.ESNext,
  moduleResolution: monaco.typescript.ModuleResolutionKind.NodeJs,
  lib: ["esnext"],
  strict: true,
  noImplicitAny: true,
  allowNonTsExtensions: true,
  isolatedModules: true,
});
const ts = monaco.typescript.typescriptDefaults;

/**
 * Registers the runner's module declarations with the TypeScript service; returns the undo.
 * Without them an unresolved import of the runner's module must not look like the student's
 * mistake, so "cannot find module" is silenced until declarations arrive.
 */
export function registerExtraLibs(libs: readonly { path: string; content: string }[]): () => void {
  const disposables = libs.map((lib) => ts.addExtraLib(lib.content, lib.path));
  setModuleDiagnostics(libs.length > 0);
  return () => {
    for (const d of disposables) d.dispose();
    setModuleDiagnostics(false);
  };
}

function setModuleDiagnostics(haveDeclarations: boolean): void {
  ts.setDiagnosticsOptions({
    noSemanticValidation: false,
    noSyntaxValidation: false,
    diagnosticCodesToIgnore: haveDeclarations ? [] : [2307, 2792],
  });
}
setModuleDiagnostics(false);
monaco.typescript.typescriptDefaults.setEagerModelSync(true);

// Match the page surfaces so the editor does not sit in a differently coloured box.
monaco.editor.defineTheme("interleave-light", {
  base: "vs",
  inherit: true,
  rules: [],
  colors: { "editor.background": "#ffffff", "editorGutter.background": "#ffffff" },
});
monaco.editor.defineTheme("interleave-dark", {
  base: "vs-dark",
  inherit: true,
  rules: [],
  colors: { "editor.background": "#1b1c23", "editorGutter.background": "#1b1c23" },
});

export { monaco };
