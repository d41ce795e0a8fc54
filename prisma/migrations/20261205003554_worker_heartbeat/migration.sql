-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "instance" VARCHAR(120) NOT NULL,
    "beatAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("instance")
);
