// Prisma's full DMMF (nullability, lists, native types, enums, indexes) for a schema text, from
// the schema wasm module the `prisma` package ships — the same code `prisma generate` runs, with
// no engine download. @prisma/internals' getDMMF wraps this too but is not installed here.
// The glue below is the few wasm-bindgen shims that module imports, matched by name prefix so
// a new build's hash suffixes do not break it.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

type WasmExports = {
  memory: WebAssembly.Memory;
  get_dmmf: (ptr: number, len: number) => [number, number, number, number];
  __wbindgen_malloc: (size: number, align: number) => number;
  __wbindgen_free: (ptr: number, size: number, align: number) => void;
  __wbindgen_externrefs: WebAssembly.Table;
  __externref_table_dealloc: (index: number) => void;
  __wbindgen_start: () => void;
};

let instance: WasmExports | undefined;
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

function load(): WasmExports {
  if (instance) return instance;
  const prismaPackage = createRequire(import.meta.url).resolve("prisma/package.json");
  const wasmFile = path.join(path.dirname(prismaPackage), "build", "prisma_schema_build_bg.wasm");
  const module = new WebAssembly.Module(fs.readFileSync(wasmFile));
  let exports: WasmExports | undefined = undefined;
  const text = (ptr: number, len: number) => {
    if (!exports) throw new Error("schema wasm used before it was instantiated");
    return decoder.decode(new Uint8Array(exports.memory.buffer).subarray(ptr >>> 0, (ptr >>> 0) + len));
  };
  const shims: Record<string, (...args: number[]) => unknown> = {
    __wbg_set_message_: () => undefined, // panic message hook; the thrown error carries it too
    __wbg_Error_: (ptr, len) => new Error(text(ptr, len)),
    __wbg___wbindgen_throw_: (ptr, len) => {
      throw new Error(text(ptr, len));
    },
    __wbindgen_init_externref_table: () => {
      if (!exports) return;
      const table = exports.__wbindgen_externrefs;
      const offset = table.grow(4);
      table.set(0, undefined);
      table.set(offset + 0, undefined);
      table.set(offset + 1, null);
      table.set(offset + 2, true);
      table.set(offset + 3, false);
    },
  };
  const imports: Record<string, Record<string, unknown>> = {};
  for (const wanted of WebAssembly.Module.imports(module)) {
    const shim = Object.entries(shims).find(([prefix]) => wanted.name.startsWith(prefix));
    if (!shim) throw new Error(`schema wasm needs an unknown import ${wanted.module}.${wanted.name}`);
    (imports[wanted.module] ??= {})[wanted.name] = shim[1];
  }
  exports = new WebAssembly.Instance(module, imports as WebAssembly.Imports).exports as unknown as WasmExports;
  exports.__wbindgen_start();
  instance = exports;
  return exports;
}

/** Returns the parsed DMMF JSON for `schema` (the text of a schema.prisma). */
export function getDmmf(schema: string): unknown {
  const wasm = load();
  const bytes = encoder.encode(JSON.stringify({ prismaSchema: schema, noColor: true }));
  const ptr = wasm.__wbindgen_malloc(bytes.length, 1) >>> 0;
  new Uint8Array(wasm.memory.buffer).set(bytes, ptr);
  const [outPtr, outLen, errorIndex, failed] = wasm.get_dmmf(ptr, bytes.length);
  if (failed) {
    const error: unknown = wasm.__wbindgen_externrefs.get(errorIndex);
    wasm.__externref_table_dealloc(errorIndex);
    throw error instanceof Error ? error : new Error(String(error));
  }
  try {
    return JSON.parse(decoder.decode(new Uint8Array(wasm.memory.buffer).subarray(outPtr, outPtr + outLen)));
  } finally {
    wasm.__wbindgen_free(outPtr, outLen, 1);
  }
}
