-- The exercise's public id "<track>/<slug>" (e.g. ts/shared-counter) is named for what it holds:
-- `slug` alone means the part after the track everywhere else (issue #22).
ALTER TABLE "exercises" RENAME COLUMN "slug" TO "track_slug";
ALTER INDEX "exercises_slug_key" RENAME TO "exercises_track_slug_key";
