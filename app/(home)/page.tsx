import { connection } from "next/server";
import { HowItWorks } from "@/components/catalog/how-it-works";
import { TrackSection } from "@/components/catalog/track-section";
import { TRACKS } from "@/components/catalog/tracks";
import { listExercises } from "@/lib/exercises/list-exercises";

export default async function CatalogPage() {
  // The catalog comes from the database, never from the build.
  await connection();
  const exercises = await listExercises();
  const known = new Set<string>(TRACKS.map((t) => t.id));
  const extraTracks = [...new Set(exercises.map((e) => e.track))].filter((t) => !known.has(t));
  const tracks = [...TRACKS.map((t) => ({ ...t })), ...extraTracks.map((id) => ({ id, label: id, blurb: "" }))];

  return (
    <div className="mx-auto w-full max-w-6xl px-4 pt-12 pb-20 sm:px-6">
      <section className="max-w-3xl">
        <p className="text-sm font-medium text-primary">Concurrency, graded by running it</p>
        <h1 className="mt-2 text-4xl font-semibold tracking-tight text-balance sm:text-[2.75rem] sm:leading-[1.1]">
          Write code that runs at the same time — and see what really happened.
        </h1>
        <p className="mt-4 text-lg leading-relaxed text-muted text-pretty">
          Each exercise is graded by running your TypeScript or Rust concurrently for real, then telling you why it
          passed or failed: the interleaving that lost an update, the waits that ran one after another, the thread that
          did all the work.
        </p>
      </section>

      <div className="mt-10">
        <HowItWorks />
      </div>

      <div className="mt-14 flex flex-col gap-12">
        {exercises.length === 0 ? (
          <div className="rounded-xl border border-dashed border-border px-6 py-10 text-center">
            <h2 className="text-lg font-semibold">No exercises yet</h2>
            <p className="mt-2 text-sm text-muted">
              Exercises are synced from the <code className="font-mono">exercises/</code> folder when the platform
              starts. Run <code className="font-mono">./interleave start</code> to load them.
            </p>
          </div>
        ) : (
          tracks.map((track) => (
            <TrackSection
              key={track.id}
              id={track.id}
              label={track.label}
              blurb={track.blurb}
              exercises={exercises.filter((e) => e.track === track.id)}
            />
          ))
        )}
      </div>

      <footer className="mt-20 flex flex-wrap items-center justify-between gap-3 border-t border-border pt-6 text-sm text-muted">
        <span>Interleave — learn concurrency by running it.</span>
        <span>No sign-up needed: your drafts and submissions are kept for this browser.</span>
      </footer>
    </div>
  );
}
