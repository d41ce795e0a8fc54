-- AlterTable
ALTER TABLE "AlertEvent" ADD COLUMN     "writerXid" BIGINT NOT NULL DEFAULT (pg_current_xact_id())::text::bigint;

-- AlterTable
ALTER TABLE "AlertDigest" ADD COLUMN     "snapshot" TEXT;

-- CreateTable
CREATE TABLE "DigestEvent" (
    "digestId" INTEGER NOT NULL,
    "eventId" BIGINT NOT NULL,
    "userId" INTEGER NOT NULL,
    "frequency" "AlertFrequency" NOT NULL,

    CONSTRAINT "DigestEvent_pkey" PRIMARY KEY ("digestId","eventId")
);

-- CreateIndex
CREATE INDEX "DigestEvent_eventId_idx" ON "DigestEvent"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "DigestEvent_userId_frequency_eventId_key" ON "DigestEvent"("userId", "frequency", "eventId");

-- CreateIndex
CREATE INDEX "AlertEvent_writerXid_idx" ON "AlertEvent"("writerXid");

-- AddForeignKey
ALTER TABLE "DigestEvent" ADD CONSTRAINT "DigestEvent_digestId_fkey" FOREIGN KEY ("digestId") REFERENCES "AlertDigest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestEvent" ADD CONSTRAINT "DigestEvent_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "AlertEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
