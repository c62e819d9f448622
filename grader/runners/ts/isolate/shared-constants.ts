// Names and numbers that the host and the code inside the isolates must agree on. No code runs
// here, so host modules import it freely (importing an isolate module would run its top level
// on the host).

/** Marker that carries a channel end through spawn()'s data (see channels.ts). */
export const ENDPOINT_KEY = "@@interleave";

/** Global where the host parks its callbacks for the harness module (taken and deleted by it). */
export const PARKED_HOST_GLOBAL = "__interleave_host";

/** Global under which the harness module leaves its entry points for the host (removed right after). */
export const LOOP_GLOBAL = "__interleave_loop";

/** Global where the hardening prelude leaves its revoked-proxy check (taken and deleted by the harness). */
export const REVOKED_GLOBAL = "__interleave_revoked";

/** Limits on a value copied out of an isolate (a result, a worker's return value). */
export const OUTGOING = { maxDepth: 200, maxNodes: 200_000, maxChars: 1_000_000, maxBytes: 8 * 2 ** 20 } as const;

/** Longest message or stack text taken from a thrown value. */
export const MAX_THROWN_TEXT = 2000;

/** At most this many lock spans per worker: a contended lock waits thousands of times. */
export const MAX_LOCK_SPANS = 200;

/** Numbers a worker's prime note covers: isPrime(n) for larger n is computed but not noted (counted). */
export const NOTED_NUMBERS = 1 << 20;
/**
 * Header bytes of a prime note, three Int32 cells: [calls outside 0…NOTED_NUMBERS-1 or not an
 * integer, repeats on this worker, the call's counted limit (set by the host: only numbers below
 * it move the work clock)].
 */
export const PRIME_NOTE_HEAD_BYTES = 12;

/** Scores are whole numbers below this (so they read well and ties happen, as on a real board). */
export const SCORE_RANGE = 1_000_000;

/**
 * A worker's work clock (work-clock.ts), in Float64 cells after a counter note's four Int32
 * cells: a head of WORK_CLOCK_HEAD cells — [first unit's time, latest noted time, work done by
 * then, log entries] (epoch ms, work in the grader's units) — then up to WORK_LOG_POINTS
 * entries [work done, time], noted each time the work done grows by a tenth.
 */
export const WORK_CLOCK_OFFSET_BYTES = 16;
export const WORK_CLOCK_HEAD = 4;
export const WORK_LOG_POINTS = 2048;
export const WORK_CLOCK_CELLS = WORK_CLOCK_HEAD + 2 * WORK_LOG_POINTS;
/** The score clock (score() alone) follows the work clock (visit() and isPrime()) in the note. */
export const SCORE_CLOCK_OFFSET_BYTES = WORK_CLOCK_OFFSET_BYTES + 8 * WORK_CLOCK_CELLS;
/** An entry is also noted when this long has passed since the last one (and the work grew). */
export const WORK_LOG_EVERY_MS = 25;
