// The student-facing API of a track's runner (e.g. the "interleave" module for TypeScript),
// rendered from exercises/<track>/_harness/README.md so the page and the runner's docs are one file.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Statement } from "@/components/exercise/statement";

const TRACK = /^[a-z0-9-]+$/;

async function readGuide(track: string): Promise<string | null> {
  if (!TRACK.test(track)) return null;
  const file = path.join(/* turbopackIgnore: true */ process.cwd(), "exercises", track, "_harness", "README.md");
  return readFile(file, "utf8").catch(() => null);
}

export async function generateMetadata({ params }: { params: Promise<{ track: string }> }): Promise<Metadata> {
  const { track } = await params;
  const titles: Record<string, string> = {
    ts: "The interleave module — TypeScript API",
    rust: "How Rust submissions are built and graded",
  };
  return { title: titles[track] ?? `${track} runner guide` };
}

export default async function TrackGuidePage({ params }: { params: Promise<{ track: string }> }) {
  const { track } = await params;
  const markdown = await readGuide(track);
  if (markdown === null) notFound();
  return (
    <main className="mx-auto w-full max-w-3xl px-6 pt-8 pb-16">
      <Statement markdown={markdown} />
    </main>
  );
}
