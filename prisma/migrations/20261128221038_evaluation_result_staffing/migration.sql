-- AlterTable
ALTER TABLE "EvaluationResult" ADD COLUMN     "activeOfficers" INTEGER,
ADD COLUMN     "warnings" JSONB NOT NULL DEFAULT '[]';
