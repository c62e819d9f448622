// Shared memory the host can read: the typed arrays over SharedArrayBuffers that the main
// isolate handed to a worker through spawn()'s data. The host's copy of that data shares the
// memory (isolated-vm shares SharedArrayBuffers, it does not copy them), so once the workers
// are done the host reads what they left there — a count or a list workers really wrote —
// instead of trusting the value the student's function returns.

/** What one shared view held at the end of the call. */
export type SharedView = {
  /** e.g. "Int32Array". */
  type: string;
  length: number;
  /** The first HEAD_CELLS elements. */
  head: number[];
  /** Sum of the first SUM_CELLS elements (every element for any view this size or smaller). */
  sum: number;
  /** The memory itself (host side), for searches: a result may sit anywhere in it. */
  cells: NumberArray;
};

export type WorkerMemory = {
  worker: string;
  /** Whether its function ever started (a worker that failed to start wrote nothing). */
  ran: boolean;
  /** Each shared view as the worker left it. */
  views: SharedView[];
  /** The same views, live: what they hold once the call is over (every worker's writes). */
  live: NumberArray[];
  /** The same views as they were when the worker started running (same order; empty copies if it never ran). */
  atStart: NumberArray[];
  /** The worker's prime note (prime-work.ts). */
  primes: Uint8Array;
  /** Its counter note: what visit() and score() handed it (counter-work.ts). */
  counter: Int32Array;
  /** Its place among the call's workers in the order their functions settled (1 = first); null if it never settled. */
  endOrder: number | null;
};

const MAX_VIEWS = 16;
const MAX_DEPTH = 6;
const MAX_ENTRIES = 64;
export const HEAD_CELLS = 4;
export const SUM_CELLS = 1 << 22;

export type NumberArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

function isNumberArray(v: unknown): v is NumberArray {
  return (
    v instanceof Int8Array ||
    v instanceof Uint8Array ||
    v instanceof Uint8ClampedArray ||
    v instanceof Int16Array ||
    v instanceof Uint16Array ||
    v instanceof Int32Array ||
    v instanceof Uint32Array ||
    v instanceof Float32Array ||
    v instanceof Float64Array
  );
}

/**
 * The number arrays over SharedArrayBuffers found near the top of `data` (the host's copy of
 * one spawn's data): arrays, plain objects, Maps and Sets are searched to depth 6, 64 entries
 * each, so big data stays cheap. Each buffer found is read whole, as 32-bit integer cells and as
 * 64-bit float cells: a worker may make its own views at offsets the host cannot know (a bare
 * buffer, a Uint8Array handed over and an Int32Array used), and these two cover every aligned
 * Int32Array, Uint32Array below 2^31 and Float64Array, and the low half of a BigInt64Array
 * counter. A view handed over that they do not cover (a Uint8Array, an unaligned or Float32
 * view) is kept as it is. At most 16 views: a buffer's many subarrays cost no more than one.
 */
export function findSharedViews(data: unknown): NumberArray[] {
  const buffers: SharedArrayBuffer[] = [];
  const others: NumberArray[] = [];
  collectShared(data, buffers, others, 0);
  const found: NumberArray[] = [];
  for (const buffer of buffers) {
    if (buffer.byteLength >= 4) found.push(new Int32Array(buffer, 0, Math.floor(buffer.byteLength / 4)));
    if (buffer.byteLength >= 8) found.push(new Float64Array(buffer, 0, Math.floor(buffer.byteLength / 8)));
  }
  for (const view of others) if (!found.includes(view)) found.push(view);
  return found.slice(0, MAX_VIEWS);
}

/** The first MAX_ENTRIES values, without walking a huge Map or Set to its end. */
function firstOf(values: Iterator<unknown>): unknown[] {
  const out: unknown[] = [];
  for (let next = values.next(); !next.done && out.length < MAX_ENTRIES; next = values.next()) out.push(next.value);
  return out;
}

function collectShared(data: unknown, buffers: SharedArrayBuffer[], others: NumberArray[], depth: number): void {
  if (data === null || typeof data !== "object" || buffers.length + others.length >= MAX_VIEWS * 4) return;
  if (ArrayBuffer.isView(data)) {
    if (!(data.buffer instanceof SharedArrayBuffer)) return;
    if (!buffers.includes(data.buffer)) buffers.push(data.buffer);
    const covered =
      (data instanceof Int32Array && data.byteOffset % 4 === 0) ||
      (data instanceof Float64Array && data.byteOffset % 8 === 0);
    if (!covered && isNumberArray(data)) others.push(data);
    return;
  }
  if (data instanceof SharedArrayBuffer) {
    if (!buffers.includes(data)) buffers.push(data);
    return;
  }
  if (depth >= MAX_DEPTH) return;
  const items = Array.isArray(data)
    ? data
    : data instanceof Map
      ? firstOf(data.values())
      : data instanceof Set
        ? firstOf(data.values())
        : Object.getPrototypeOf(data) === Object.prototype
          ? Object.values(data)
          : [];
  for (const item of items.slice(0, MAX_ENTRIES)) collectShared(item, buffers, others, depth + 1);
}

/** Cells copied per worker when it ends: the smaller views first, so a counter always is. */
export const SNAPSHOT_CELLS = 1 << 20;

/** How many cells of each view a snapshot keeps: within SNAPSHOT_CELLS in all, smaller views first. */
function snapshotTakes(views: readonly NumberArray[]): number[] {
  let budget = SNAPSHOT_CELLS;
  const takes = new Map<NumberArray, number>();
  for (const view of [...views].sort((a, b) => a.length - b.length)) {
    const take = Math.min(view.length, budget);
    budget -= take;
    takes.set(view, take);
  }
  return views.map((v) => takes.get(v) ?? 0);
}

/**
 * Copies of `views` as they are now. Within SNAPSHOT_CELLS cells in all, smaller views first;
 * what does not fit is left out (only its first cells are kept), so a huge buffer costs the host
 * a bounded copy.
 */
export function snapshotViews(views: readonly NumberArray[]): NumberArray[] {
  const takes = snapshotTakes(views);
  return views.map((v, i) => v.slice(0, takes[i]));
}

/**
 * Where a worker copies its shared views itself, on its own thread, the moment it starts and the
 * moment its function settles (isolate/worker-runtime.ts). The host learns of a worker's end only
 * when its event loop gets to it: on a busy machine that is milliseconds later, and another
 * worker may have written the shared memory meanwhile (the last worker sorting everybody's
 * scores would count as each worker's own insertions). `sources` are byte views of the student's
 * memory, `target` holds [start copies | end copies] in the same layout, `flags` [started, ended].
 * All of it is host-made and reachable in the isolate only through the runtime's closure.
 */
export type OnThreadSnapshots = { sources: Uint8Array[]; target: Uint8Array; flags: Int32Array; order: Int32Array };

/** `order`: one Int32Array(1) per call, shared by its workers: flags[2] becomes a worker's place in the end order (1 = first). */
export function prepareSnapshots(views: readonly NumberArray[], order: Int32Array): OnThreadSnapshots {
  const takes = snapshotTakes(views);
  const sources = views.map((v, i) => new Uint8Array(v.buffer, v.byteOffset, (takes[i] ?? 0) * v.BYTES_PER_ELEMENT));
  const bytes = sources.reduce((sum, s) => sum + s.byteLength, 0);
  return {
    sources,
    target: new Uint8Array(new SharedArrayBuffer(2 * bytes)),
    flags: new Int32Array(new SharedArrayBuffer(12)),
    order,
  };
}

/** The worker's place in the call's end order (1 = ended first), or null if it left no end copy. */
export function endOrderOf(snapshots: OnThreadSnapshots): number | null {
  return snapshots.flags[1] === 1 && (snapshots.flags[2] ?? 0) > 0 ? (snapshots.flags[2] as number) : null;
}

/** The copies the worker made at its start (0) or end (1), typed like `views`; null if it did not get there. */
export function readSnapshot(
  views: readonly NumberArray[],
  snapshots: OnThreadSnapshots,
  which: 0 | 1,
): NumberArray[] | null {
  if (snapshots.flags[which] !== 1) return null;
  const half = snapshots.target.byteLength / 2;
  let offset = which * half;
  return views.map((view, i) => {
    const bytes = snapshots.sources[i]?.byteLength ?? 0;
    const copy = new Uint8Array(bytes);
    copy.set(snapshots.target.subarray(offset, offset + bytes));
    offset += bytes;
    const Typed = view.constructor as new (buffer: ArrayBuffer) => NumberArray;
    return new Typed(copy.buffer);
  });
}

/** What a view holds now (read once the workers are done). */
export function describeView(view: NumberArray): SharedView {
  let sum = 0;
  const cells = Math.min(view.length, SUM_CELLS);
  for (let i = 0; i < cells; i++) sum += view[i] ?? 0;
  return {
    type: view.constructor.name,
    length: view.length,
    head: Array.from(view.subarray(0, HEAD_CELLS)),
    sum,
    cells: view,
  };
}

/** Whether the first SUM_CELLS elements of `view` hold `run` as consecutive elements. */
export function holdsRun(view: Pick<SharedView, "cells">, run: readonly number[]): boolean {
  return indexOfRun(view.cells, run) >= 0;
}

/** Where the first SUM_CELLS elements of `cells` hold `run` as consecutive elements, or -1. */
export function indexOfRun(cells: ArrayLike<number>, run: readonly number[]): number {
  const last = Math.min(cells.length, SUM_CELLS) - run.length;
  for (let i = 0; i <= last; i++) {
    let j = 0;
    while (j < run.length && cells[i + j] === run[j]) j++;
    if (j === run.length) return i;
  }
  return -1;
}

/**
 * Whether `view` (as the worker left it) holds `run` at a place where `before` (the same view
 * when the worker started) did not: the worker's run changed it. A run that was already there
 * was written by someone else (the main function before spawning, or an earlier worker), so it
 * is not this worker's result.
 */
export function wroteRun(
  view: Pick<SharedView, "cells">,
  before: ArrayLike<number> | undefined,
  run: readonly number[],
): boolean {
  const cells = view.cells;
  const last = Math.min(cells.length, SUM_CELLS) - run.length;
  for (let i = 0; i <= last; i++) {
    let j = 0;
    while (j < run.length && cells[i + j] === run[j]) j++;
    if (j < run.length) continue;
    if (before === undefined || before.length < i + run.length) return true;
    for (let k = 0; k < run.length; k++) if (before[i + k] !== run[k]) return true;
  }
  return false;
}
