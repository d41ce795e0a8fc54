-- CreateEnum
CREATE TYPE "ScheduledJobStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- AlterEnum
ALTER TYPE "OutboxStatus" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "lockedBy" INTEGER,
ADD COLUMN     "recipientRole" "Role",
ADD COLUMN     "recipientState" CHAR(2);

-- CreateTable
CREATE TABLE "AlertEvent" (
    "id" BIGSERIAL NOT NULL,
    "key" VARCHAR(160) NOT NULL,
    "trigger" "AlertTrigger" NOT NULL,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatchedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AlertEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertDigest" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "frequency" "AlertFrequency" NOT NULL,
    "periodKey" VARCHAR(10) NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "windowEnd" TIMESTAMPTZ(3) NOT NULL,
    "itemCount" INTEGER NOT NULL,
    "outboxEmailId" BIGINT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertDigest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduledJobRun" (
    "name" VARCHAR(60) NOT NULL,
    "periodKey" VARCHAR(20) NOT NULL,
    "status" "ScheduledJobStatus" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "leaseUntil" TIMESTAMPTZ(3) NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "error" TEXT,

    CONSTRAINT "ScheduledJobRun_pkey" PRIMARY KEY ("name","periodKey")
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertEvent_key_key" ON "AlertEvent"("key");

-- CreateIndex
CREATE INDEX "AlertEvent_occurredAt_idx" ON "AlertEvent"("occurredAt");

-- CreateIndex
CREATE INDEX "AlertEvent_dispatchedAt_id_idx" ON "AlertEvent"("dispatchedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "AlertDigest_userId_frequency_periodKey_key" ON "AlertDigest"("userId", "frequency", "periodKey");
