-- exercise.json's hints, synced with the rest of the exercise: the exercise page reveals them one
-- at a time after a failure (issue #20).
ALTER TABLE "exercises" ADD COLUMN "hints" JSONB NOT NULL DEFAULT '[]';
