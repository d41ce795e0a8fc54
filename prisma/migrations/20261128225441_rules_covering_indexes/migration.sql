-- DropIndex
DROP INDEX "TrainingRecord_officerId_completedOn_idx";

-- CreateIndex
CREATE INDEX "TrainingRecord_officerId_completedOn_courseCode_hours_idx" ON "TrainingRecord"("officerId", "completedOn", "courseCode", "hours");

-- CreateIndex
CREATE INDEX "Complaint_receivedOn_departmentId_status_category_source_idx" ON "Complaint"("receivedOn", "departmentId", "status", "category", "source");
