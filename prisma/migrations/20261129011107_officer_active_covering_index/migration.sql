-- DropIndex
DROP INDEX "Officer_departmentId_hiredOn_separatedOn_idx";

-- CreateIndex
CREATE INDEX "Officer_departmentId_hiredOn_separatedOn_id_idx" ON "Officer"("departmentId", "hiredOn", "separatedOn", "id");
