// Runs in EVERY student context (main and workers), after the console and before anything
// else: removes allocations that escape isolated-vm's per-isolate memory limit, and rebuilds
// Proxy.revocable so the harness can tell a revoked proxy apart. Nothing here is trusted
// afterwards.
//
// Measured here (isolated-vm 7.0.1): WebAssembly.Memory and resizable/growable buffers
// (`maxByteLength`) are allocated outside the isolate's ArrayBuffer allocator, so its
// memoryLimit never sees them (a 16 MB isolate grew one to 1.3 GB). They are removed; plain
// ArrayBuffers and SharedArrayBuffers stay, and count against the limit.
import { REVOKED_GLOBAL } from "./shared-constants.ts";

type AnyConstructor = {
  new (...args: unknown[]): unknown;
  readonly length: number;
  BYTES_PER_ELEMENT?: number;
  prototype: object;
};

/**
 * `refused(bytes)` is the host's Callback. isolated-vm's allocator refuses a buffer over the
 * memory limit with a RangeError the student's code could also throw itself; the constructors
 * below see the refusal first hand (a valid length, and the native constructor threw) and tell
 * the host, which then knows the isolate ran out of memory without reading any message.
 */
export function installHardening(refused: (bytes: number) => void): void {
  const global = globalThis as unknown as Record<string, unknown>;
  delete global.WebAssembly;
  const construct = Reflect.construct,
    isInteger = Number.isInteger,
    RangeErrorC = RangeError,
    defineProperty = Object.defineProperty;
  const getOwn = Object.getOwnPropertyDescriptor,
    ownKeys = Reflect.ownKeys,
    setProto = Object.setPrototypeOf,
    getProto = Object.getPrototypeOf;
  const buffers = ["ArrayBuffer", "SharedArrayBuffer"];
  const views = [
    "Int8Array",
    "Uint8Array",
    "Uint8ClampedArray",
    "Int16Array",
    "Uint16Array",
    "Int32Array",
    "Uint32Array",
    "Float32Array",
    "Float64Array",
    "BigInt64Array",
    "BigUint64Array",
    "Float16Array",
  ];
  for (const name of [...buffers, ...views]) {
    const Original = global[name] as AnyConstructor | undefined;
    if (typeof Original !== "function") continue;
    const isBuffer = buffers.includes(name);
    const unit = isBuffer ? 1 : (Original.BYTES_PER_ELEMENT as number);
    const Limited = function (...args: unknown[]) {
      if (new.target === undefined) throw new TypeError("Constructor " + name + " requires 'new'");
      const options = args[1];
      if (
        isBuffer &&
        options !== null &&
        typeof options === "object" &&
        (options as { maxByteLength?: unknown }).maxByteLength !== undefined
      ) {
        throw new RangeError(
          name +
            ": resizable buffers (maxByteLength) are not available in this sandbox; allocate the size you need up front",
        );
      }
      const length = args[0];
      try {
        return construct(Original, isBuffer ? [length] : args, new.target);
      } catch (e) {
        // Only a plain "new X(n)" with a length the engine accepts can fail for lack of memory.
        if (
          e instanceof RangeErrorC &&
          new.target === Limited &&
          typeof length === "number" &&
          isInteger(length) &&
          length >= 0 &&
          length * unit <= 2 ** 32
        ) {
          try {
            refused(length * unit);
          } catch {}
        }
        throw e;
      }
    };
    defineProperty(Limited, "name", { value: name });
    defineProperty(Limited, "length", { value: Original.length });
    Limited.prototype = Original.prototype;
    setProto(Limited, getProto(Original));
    for (const key of ownKeys(Original)) {
      if (key !== "length" && key !== "name" && key !== "prototype")
        defineProperty(Limited, key, getOwn(Original, key) as PropertyDescriptor);
    }
    defineProperty(Original.prototype, "constructor", {
      value: Limited,
      writable: true,
      configurable: true,
      enumerable: false,
    });
    defineProperty(globalThis, name, { value: Limited, writable: true, configurable: true, enumerable: false });
  }

  // Proxy.revocable, rebuilt so that the harness knows a revoked proxy when one is returned: an
  // async function returning it rejects while looking up "then", with a TypeError that only
  // this code makes (kept in a WeakSet the harness takes below), not with words to match.
  const RealProxy = Proxy,
    realRevocable = Proxy.revocable,
    ReflectO = Reflect as unknown as Record<string, (...args: unknown[]) => unknown>,
    apply = Reflect.apply,
    TypeErrorC = TypeError;
  const revokedThen = new WeakSet(),
    wsAdd = WeakSet.prototype.add,
    wsHas = WeakSet.prototype.has;
  const TRAPS = [
    "apply",
    "construct",
    "defineProperty",
    "deleteProperty",
    "get",
    "getOwnPropertyDescriptor",
    "getPrototypeOf",
    "has",
    "isExtensible",
    "ownKeys",
    "preventExtensions",
    "set",
    "setPrototypeOf",
  ];
  defineProperty(RealProxy, "revocable", {
    writable: true,
    configurable: true,
    enumerable: false,
    value: {
      revocable(target: object, handler: ProxyHandler<object>) {
        const inner = apply(realRevocable, RealProxy, [target, handler]);
        let revoked = false;
        const traps: Record<string, unknown> = { __proto__: null };
        for (let i = 0; i < TRAPS.length; i++) {
          const name = TRAPS[i] as string,
            forward = ReflectO[name];
          traps[name] = function () {
            if (revoked) {
              const e = new TypeErrorC("Cannot perform '" + name + "' on a proxy that has been revoked");
              if (name === "get" && arguments[1] === "then") apply(wsAdd, revokedThen, [e]);
              throw e;
            }
            const args = arguments;
            args[0] = inner.proxy;
            return apply(forward as (...args: unknown[]) => unknown, ReflectO, args);
          };
        }
        return {
          proxy: new RealProxy(target, traps),
          revoke() {
            revoked = true;
            inner.revoke();
          },
        };
      },
    }.revocable,
  });
  defineProperty(globalThis, REVOKED_GLOBAL, {
    configurable: true,
    value: (e: unknown) => apply(wsHas, revokedThen, [e]),
  });
}
