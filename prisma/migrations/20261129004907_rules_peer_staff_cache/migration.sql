-- CreateTable
CREATE TABLE "ActiveOfficerCount" (
    "asOf" DATE NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "officers" INTEGER NOT NULL,

    CONSTRAINT "ActiveOfficerCount_pkey" PRIMARY KEY ("asOf","departmentId")
);

-- CreateTable
CREATE TABLE "ActiveOfficerCountDate" (
    "asOf" DATE NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActiveOfficerCountDate_pkey" PRIMARY KEY ("asOf")
);

-- CreateTable
CREATE TABLE "OfficerCountMark" (
    "id" BIGSERIAL NOT NULL,
    "markedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfficerCountMark_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VettingEvaluation_officerId_evaluatedOn_result_validUntil_i_idx" ON "VettingEvaluation"("officerId", "evaluatedOn", "result", "validUntil", "id");
