-- CreateEnum
CREATE TYPE "ReviewChangeField" AS ENUM ('OWNER', 'DUE_ON', 'SCOPE');

-- CreateTable
CREATE TABLE "ReviewChange" (
    "id" SERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "field" "ReviewChangeField" NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "reason" TEXT,
    "changedById" INTEGER NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReviewChange_reviewId_changedAt_id_idx" ON "ReviewChange"("reviewId", "changedAt", "id");

-- CreateIndex
CREATE INDEX "Review_status_dueOn_idx" ON "Review"("status", "dueOn");

-- AddForeignKey
ALTER TABLE "ReviewChange" ADD CONSTRAINT "ReviewChange_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewChange" ADD CONSTRAINT "ReviewChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
