-- CreateTable
CREATE TABLE "DashboardFigure" (
    "asOf" DATE NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "officers" INTEGER NOT NULL,
    "approved" INTEGER NOT NULL,
    "expiredVetting" INTEGER NOT NULL,
    "failedOnDuty" INTEGER NOT NULL,
    "trainingCompliant" INTEGER NOT NULL,
    "countedComplaints12m" INTEGER NOT NULL,
    "seriousAbuse24m" INTEGER NOT NULL,

    CONSTRAINT "DashboardFigure_pkey" PRIMARY KEY ("asOf","departmentId")
);

-- CreateTable
CREATE TABLE "DashboardFigureDate" (
    "asOf" DATE NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DashboardFigureDate_pkey" PRIMARY KEY ("asOf")
);

-- CreateTable
CREATE TABLE "DashboardDirtyDepartment" (
    "id" BIGSERIAL NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "markedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DashboardDirtyDepartment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DashboardFigure_departmentId_idx" ON "DashboardFigure"("departmentId");
