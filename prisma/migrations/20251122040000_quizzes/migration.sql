-- CreateTable
CREATE TABLE "quiz_attempts" (
    "id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "quiz_id" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "answers" JSONB,
    "score" DOUBLE PRECISION,
    "max_score" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_at" TIMESTAMPTZ(3),

    CONSTRAINT "quiz_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quiz_item_results" (
    "id" UUID NOT NULL,
    "attempt_id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "item_id" TEXT NOT NULL,
    "variant_id" TEXT NOT NULL,
    "concepts" TEXT[],
    "score" DOUBLE PRECISION NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quiz_item_results_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "quiz_attempts_user_id_quiz_id_created_at_idx" ON "quiz_attempts"("user_id", "quiz_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "quiz_item_results_attempt_id_position_key" ON "quiz_item_results"("attempt_id", "position");

-- CreateIndex
CREATE INDEX "quiz_item_results_user_id_created_at_idx" ON "quiz_item_results"("user_id", "created_at");

-- AddForeignKey
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quiz_item_results" ADD CONSTRAINT "quiz_item_results_attempt_id_fkey" FOREIGN KEY ("attempt_id") REFERENCES "quiz_attempts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
