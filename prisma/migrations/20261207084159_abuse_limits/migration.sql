-- Limits under attack (issue 18): better-auth's rate-limit counters in Postgres, the client-IP
-- bucket of guests' submissions, and indexes for the per-user, per-IP and queue-admission counts.

-- CreateTable
CREATE TABLE "rate_limits" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "last_request" BIGINT NOT NULL,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "submissions" ADD COLUMN "guest_ip_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "rate_limits_key_key" ON "rate_limits"("key");

-- CreateIndex
CREATE INDEX "submissions_user_id_created_at_idx" ON "submissions"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "submissions_guest_ip_key_created_at_idx" ON "submissions"("guest_ip_key", "created_at");

-- CreateIndex
CREATE INDEX "grading_runs_state_idx" ON "grading_runs"("state");
