-- AlterTable
ALTER TABLE "User" ADD COLUMN     "loginFailuresClearedAt" TIMESTAMPTZ(3);
