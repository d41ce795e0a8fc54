-- CreateTable
CREATE TABLE "DashboardStateFigure" (
    "asOf" DATE NOT NULL,
    "stateCode" CHAR(2) NOT NULL,
    "officers" INTEGER NOT NULL,
    "approved" INTEGER NOT NULL,
    "expiredVetting" INTEGER NOT NULL,
    "failedOnDuty" INTEGER NOT NULL,
    "trainingCompliant" INTEGER NOT NULL,
    "countedComplaints12m" INTEGER NOT NULL,
    "seriousAbuse24m" INTEGER NOT NULL,

    CONSTRAINT "DashboardStateFigure_pkey" PRIMARY KEY ("asOf","stateCode")
);
