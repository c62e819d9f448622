// Display names and blurbs of the tracks; the exercise files decide which tracks have content.
export const TRACKS = [
  {
    id: "ts",
    label: "TypeScript",
    blurb: "Async tasks on a virtual clock, and real threads: isolates sharing a SharedArrayBuffer.",
  },
  {
    id: "rust",
    label: "Rust",
    blurb: "Threads, tokio tasks and rayon, compiled with rustc and run in a sandbox.",
  },
] as const;

export type TrackId = (typeof TRACKS)[number]["id"];

export function trackLabel(track: string): string {
  return TRACKS.find((t) => t.id === track)?.label ?? track;
}

export const DIFFICULTY_LABEL: Record<string, string> = { intro: "Intro", core: "Core", stretch: "Stretch" };

export function difficultyLabel(difficulty: string): string {
  return DIFFICULTY_LABEL[difficulty] ?? difficulty;
}

/** "ts/shared-counter" → "/exercises/ts/shared-counter". */
export function exerciseHref(exerciseId: string): string {
  return `/exercises/${exerciseId.split("/").map(encodeURIComponent).join("/")}`;
}
