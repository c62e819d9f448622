// The concepts quiz items are tagged with, and the exercises that train each one. Ids of
// exercises that do not exist yet are allowed here (the UI shows them as plain text).
export const CONCEPTS = {
  "concurrency-vs-parallelism": {
    label: "Concurrency vs parallelism",
    exercises: ["rust/join-concurrently", "rust/rayon-sum", "ts/promise-all"],
  },
  "async-basics": { label: "Futures and async basics", exercises: ["rust/join-concurrently", "rust/profile-fetch"] },
  "join-vs-spawn": {
    label: "join vs spawn",
    exercises: ["rust/join-concurrently", "rust/spawn-tasks", "ts/promise-all"],
  },
  "join-all": { label: "join_all and many futures", exercises: ["rust/join-all", "rust/download-many"] },
  "blocking-runtime": {
    label: "Blocking the runtime, spawn_blocking",
    exercises: ["rust/blocked-runtime", "ts/blocked-event-loop"],
  },
  "threads-joinhandle": { label: "Threads and JoinHandle", exercises: ["rust/threads-join"] },
  "send-sync": { label: "Send, Sync, Rc vs Arc (E0277)", exercises: ["rust/rc-to-arc"] },
  "mutex-refcell": { label: "Mutex and RefCell", exercises: ["rust/shared-counter"] },
  atomics: { label: "Atomics", exercises: ["ts/shared-counter", "rust/shared-counter"] },
  "data-races": { label: "Races and lost updates", exercises: ["ts/shared-counter", "rust/shared-counter"] },
  channels: { label: "Channels and message passing", exercises: ["rust/message-passing", "ts/message-passing"] },
  cancellation: { label: "Cancellation, select! and timeouts", exercises: ["rust/spawn-tasks", "ts/promise-all"] },
  backpressure: {
    label: "Bounded channels and back-pressure",
    exercises: ["rust/message-passing", "ts/message-passing"],
  },
  rayon: { label: "Data parallelism with rayon", exercises: ["rust/rayon-sum"] },
  "stack-vs-task-cost": {
    label: "Thread stacks vs task cost",
    exercises: ["rust/async-vs-threads", "rust/download-many"],
  },
  "async-vs-threads": {
    label: "Choosing async, threads, rayon or workers",
    exercises: ["rust/async-vs-threads", "ts/async-vs-workers", "rust/profile-fetch"],
  },
} as const satisfies Record<string, { label: string; exercises: readonly string[] }>;

export type ConceptId = keyof typeof CONCEPTS;
export const CONCEPT_IDS = Object.keys(CONCEPTS) as [ConceptId, ...ConceptId[]];

/** Exercise ids a quiz item may link to: the existing ones and the planned ones. */
export const KNOWN_EXERCISE_IDS = [
  "ts/shared-counter",
  "ts/promise-all",
  "ts/blocked-event-loop",
  "ts/async-vs-workers",
  "ts/message-passing",
  "rust/join-concurrently",
  "rust/spawn-tasks",
  "rust/blocked-runtime",
  "rust/threads-join",
  "rust/rc-to-arc",
  "rust/shared-counter",
  "rust/message-passing",
  "rust/rayon-sum",
  "rust/join-all",
  "rust/profile-fetch",
  "rust/async-vs-threads",
  "rust/download-many",
] as const;
