-- Which graphile-worker job and worker claimed a grading run (issue #19 part 3): the stale-run
-- sweeper unlocks and completes exactly that job through graphile-worker's public API.
ALTER TABLE "grading_runs" ADD COLUMN "queue_job_id" TEXT,
ADD COLUMN "queue_worker_id" TEXT;
