-- CreateTable
CREATE TABLE "AuditEventCount" (
    "stateCode" TEXT NOT NULL,
    "events" BIGINT NOT NULL,

    CONSTRAINT "AuditEventCount_pkey" PRIMARY KEY ("stateCode")
);
