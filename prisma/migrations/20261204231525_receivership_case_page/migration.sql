-- CreateEnum
CREATE TYPE "ReceivershipAmendmentKind" AS ENUM ('PROPOSAL_EDITED', 'EXTENDED');

-- AlterTable
ALTER TABLE "SourceLink" ADD COLUMN     "receivershipId" INTEGER;

-- AlterTable
ALTER TABLE "ReceivershipCase" ADD COLUMN     "proposalRevision" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "reviewDate" DATE;

-- AlterTable
ALTER TABLE "ReceivershipApproval" ADD COLUMN     "proposalRevision" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ReceivershipAmendment" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "kind" "ReceivershipAmendmentKind" NOT NULL,
    "proposalRevision" INTEGER NOT NULL,
    "changes" JSONB NOT NULL,
    "withdrawnApprovals" JSONB NOT NULL DEFAULT '[]',
    "reason" TEXT,
    "changedById" INTEGER NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReceivershipAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReceivershipAmendment_caseId_changedAt_idx" ON "ReceivershipAmendment"("caseId", "changedAt");

-- CreateIndex
CREATE INDEX "SourceLink_receivershipId_idx" ON "SourceLink"("receivershipId");

-- AddForeignKey
ALTER TABLE "SourceLink" ADD CONSTRAINT "SourceLink_receivershipId_fkey" FOREIGN KEY ("receivershipId") REFERENCES "ReceivershipCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceivershipAmendment" ADD CONSTRAINT "ReceivershipAmendment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReceivershipCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceivershipAmendment" ADD CONSTRAINT "ReceivershipAmendment_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
