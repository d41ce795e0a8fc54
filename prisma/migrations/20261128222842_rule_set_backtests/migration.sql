-- CreateEnum
CREATE TYPE "BacktestStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "Backtest" (
    "id" SERIAL NOT NULL,
    "ruleSetVersionId" INTEGER NOT NULL,
    "baselineVersionId" INTEGER NOT NULL,
    "endOn" DATE NOT NULL,
    "months" INTEGER NOT NULL,
    "status" "BacktestStatus" NOT NULL DEFAULT 'QUEUED',
    "completedSteps" INTEGER NOT NULL DEFAULT 0,
    "totalSteps" INTEGER NOT NULL,
    "error" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Backtest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BacktestPoint" (
    "backtestId" INTEGER NOT NULL,
    "baseline" BOOLEAN NOT NULL,
    "asOf" DATE NOT NULL,
    "none" INTEGER NOT NULL,
    "watch" INTEGER NOT NULL,
    "review" INTEGER NOT NULL,
    "receivership" INTEGER NOT NULL,
    "insufficientData" INTEGER NOT NULL,

    CONSTRAINT "BacktestPoint_pkey" PRIMARY KEY ("backtestId","baseline","asOf")
);

-- CreateIndex
CREATE INDEX "Backtest_ruleSetVersionId_createdAt_idx" ON "Backtest"("ruleSetVersionId", "createdAt");

-- AddForeignKey
ALTER TABLE "Backtest" ADD CONSTRAINT "Backtest_ruleSetVersionId_fkey" FOREIGN KEY ("ruleSetVersionId") REFERENCES "RuleSetVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Backtest" ADD CONSTRAINT "Backtest_baselineVersionId_fkey" FOREIGN KEY ("baselineVersionId") REFERENCES "RuleSetVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BacktestPoint" ADD CONSTRAINT "BacktestPoint_backtestId_fkey" FOREIGN KEY ("backtestId") REFERENCES "Backtest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
