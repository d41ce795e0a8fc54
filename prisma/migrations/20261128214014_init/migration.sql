-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "DepartmentKind" AS ENUM ('MUNICIPAL', 'STATE');

-- CreateEnum
CREATE TYPE "VettingResult" AS ENUM ('APPROVED', 'NOT_APPROVED', 'PENDING');

-- CreateEnum
CREATE TYPE "ComplaintSource" AS ENUM ('CITIZEN', 'CNDH', 'STATE_COMMISSION', 'INTERNAL', 'MEDIA', 'OTHER');

-- CreateEnum
CREATE TYPE "ComplaintCategory" AS ENUM ('TORTURE', 'FORCED_DISAPPEARANCE', 'EXTRAJUDICIAL_KILLING', 'SEXUAL_ABUSE', 'EXCESSIVE_FORCE', 'ARBITRARY_DETENTION', 'EXTORTION', 'CORRUPTION', 'COLLUSION', 'OTHER');

-- CreateEnum
CREATE TYPE "ComplaintStatus" AS ENUM ('RECEIVED', 'INVESTIGATING', 'SUSTAINED', 'NOT_SUSTAINED', 'UNFOUNDED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Level" AS ENUM ('NONE', 'WATCH', 'REVIEW', 'RECEIVERSHIP');

-- CreateEnum
CREATE TYPE "RuleSetVersionStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "EvaluationRunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "EvaluationTrigger" AS ENUM ('CLI', 'SCHEDULE', 'MANUAL', 'BACKTEST');

-- CreateEnum
CREATE TYPE "RecommendationStatus" AS ENUM ('OPEN', 'ACCEPTED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "DismissReason" AS ENUM ('FALSE_POSITIVE', 'DATA_ERROR', 'ALREADY_ADDRESSED', 'OTHER');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('NO_ACTION', 'CORRECTIVE_PLAN', 'REFER_TO_PROSECUTOR', 'PROPOSE_RECEIVERSHIP');

-- CreateEnum
CREATE TYPE "ReceivershipStatus" AS ENUM ('PROPOSED', 'IMPOSED', 'LIFTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "CriterionComparator" AS ENUM ('GTE', 'LTE');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'IA_SUPERVISOR', 'IA_ANALYST', 'STATE_AG', 'AUDITOR');

-- CreateEnum
CREATE TYPE "AlertTrigger" AS ENUM ('LEVEL_ROSE', 'RECOMMENDATION_AWAITING', 'VETTING_EXPIRING', 'FAILED_VETTING_ON_DUTY', 'SERIOUS_ABUSE_SUSTAINED', 'COMPLAINT_SPIKE', 'MILESTONE_DUE', 'EVALUATION_FAILED');

-- CreateEnum
CREATE TYPE "AlertFrequency" AS ENUM ('IMMEDIATE', 'DAILY', 'WEEKLY');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('departments', 'officers', 'training', 'vetting', 'complaints');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('VALIDATING', 'VALIDATED', 'WRITING', 'COMPLETED', 'REJECTED', 'FAILED', 'CANCELLED', 'UNDONE');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('ALLOWED', 'DENIED');

-- CreateTable
CREATE TABLE "State" (
    "code" CHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "population2020" INTEGER NOT NULL,

    CONSTRAINT "State_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Municipality" (
    "stateCode" CHAR(2) NOT NULL,
    "code" CHAR(3) NOT NULL,
    "name" TEXT NOT NULL,
    "population2020" INTEGER,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("stateCode","code")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "DepartmentKind" NOT NULL,
    "stateCode" CHAR(2) NOT NULL,
    "municipalityCode" CHAR(3),
    "authorizedStrength" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Officer" (
    "id" VARCHAR(30) NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "rank" TEXT,
    "hiredOn" DATE NOT NULL,
    "separatedOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Officer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficerAssignment" (
    "id" SERIAL NOT NULL,
    "officerId" VARCHAR(30) NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),
    "importBatchId" INTEGER,

    CONSTRAINT "OfficerAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingCourse" (
    "code" VARCHAR(40) NOT NULL,
    "nameEs" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TrainingCourse_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "TrainingRecord" (
    "id" SERIAL NOT NULL,
    "officerId" VARCHAR(30) NOT NULL,
    "courseCode" VARCHAR(40) NOT NULL,
    "completedOn" DATE NOT NULL,
    "hours" DECIMAL(6,2) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "TrainingRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VettingEvaluation" (
    "id" SERIAL NOT NULL,
    "officerId" VARCHAR(30) NOT NULL,
    "evaluatedOn" DATE NOT NULL,
    "result" "VettingResult" NOT NULL,
    "validUntil" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "VettingEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Complaint" (
    "id" SERIAL NOT NULL,
    "ref" VARCHAR(40) NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "receivedOn" DATE NOT NULL,
    "source" "ComplaintSource" NOT NULL,
    "category" "ComplaintCategory" NOT NULL,
    "status" "ComplaintStatus" NOT NULL,
    "resolvedOn" DATE,
    "summary" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintOfficer" (
    "complaintId" INTEGER NOT NULL,
    "officerId" VARCHAR(30) NOT NULL,

    CONSTRAINT "ComplaintOfficer_pkey" PRIMARY KEY ("complaintId","officerId")
);

-- CreateTable
CREATE TABLE "SourceLink" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "complaintId" INTEGER,
    "reviewId" INTEGER,
    "createdById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuleSet" (
    "id" VARCHAR(60) NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuleSetVersion" (
    "id" SERIAL NOT NULL,
    "ruleSetId" VARCHAR(60) NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "RuleSetVersionStatus" NOT NULL DEFAULT 'DRAFT',
    "definition" JSONB NOT NULL,
    "basedOnId" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),
    "lockVersion" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "RuleSetVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationRun" (
    "id" SERIAL NOT NULL,
    "ruleSetVersionId" INTEGER NOT NULL,
    "asOf" DATE NOT NULL,
    "status" "EvaluationRunStatus" NOT NULL DEFAULT 'RUNNING',
    "trigger" "EvaluationTrigger" NOT NULL,
    "createdById" INTEGER,
    "error" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EvaluationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationResult" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "level" "Level" NOT NULL,
    "insufficientData" BOOLEAN NOT NULL,
    "rules" JSONB NOT NULL,

    CONSTRAINT "EvaluationResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" SERIAL NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "evaluationRunId" INTEGER NOT NULL,
    "evaluationResultId" INTEGER NOT NULL,
    "level" "Level" NOT NULL,
    "previousLevel" "Level" NOT NULL,
    "status" "RecommendationStatus" NOT NULL DEFAULT 'OPEN',
    "dismissReason" "DismissReason",
    "justification" TEXT,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" SERIAL NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "recommendationId" INTEGER,
    "openedById" INTEGER NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'OPEN',
    "scope" TEXT NOT NULL,
    "findings" TEXT NOT NULL DEFAULT '',
    "departmentResponse" TEXT NOT NULL DEFAULT '',
    "decision" "ReviewDecision",
    "decisionNotes" TEXT,
    "dueOn" DATE,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceivershipCase" (
    "id" SERIAL NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "recommendationId" INTEGER,
    "status" "ReceivershipStatus" NOT NULL DEFAULT 'PROPOSED',
    "legalBasis" TEXT NOT NULL,
    "receivingAuthority" TEXT NOT NULL,
    "startDate" DATE,
    "endDate" DATE,
    "terms" TEXT NOT NULL,
    "proposedById" INTEGER NOT NULL,
    "liftOverrideReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReceivershipCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceivershipApproval" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "role" "Role" NOT NULL,
    "approvedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReceivershipApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceivershipExitCriterion" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "ruleId" VARCHAR(60) NOT NULL,
    "comparator" "CriterionComparator" NOT NULL,
    "threshold" DECIMAL(12,4) NOT NULL,
    "currentValue" DECIMAL(20,10),
    "met" BOOLEAN,
    "lastRunId" INTEGER,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReceivershipExitCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceivershipMilestone" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "completedOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ReceivershipMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceivershipStatusChange" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "fromStatus" "ReceivershipStatus",
    "toStatus" "ReceivershipStatus" NOT NULL,
    "changedById" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReceivershipStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" SERIAL NOT NULL,
    "authorId" INTEGER NOT NULL,
    "targetType" VARCHAR(40) NOT NULL,
    "targetId" VARCHAR(60) NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "totpSecret" TEXT NOT NULL,
    "lastTotpStep" BIGINT,
    "role" "Role" NOT NULL,
    "stateCode" CHAR(2),
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "lockedAt" TIMESTAMPTZ(3),
    "locale" TEXT NOT NULL DEFAULT 'es',
    "timeZone" TEXT NOT NULL DEFAULT 'America/Mexico_City',
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserSession" (
    "id" VARCHAR(64) NOT NULL,
    "userId" INTEGER NOT NULL,
    "sessionVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reauthAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertSubscription" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "trigger" "AlertTrigger" NOT NULL,
    "frequency" "AlertFrequency" NOT NULL,
    "stateCodes" TEXT[],
    "departmentIds" INTEGER[],
    "deliveryHour" INTEGER NOT NULL DEFAULT 7,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AlertSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" BIGSERIAL NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "userId" INTEGER,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "smtpResponse" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" SERIAL NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" CHAR(64) NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "status" "ImportStatus" NOT NULL,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "rowsTotal" INTEGER NOT NULL DEFAULT 0,
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB,
    "createdById" INTEGER,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "undoneById" INTEGER,
    "undoneAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportChange" (
    "id" BIGSERIAL NOT NULL,
    "batchId" INTEGER NOT NULL,
    "entity" VARCHAR(40) NOT NULL,
    "key" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB NOT NULL,

    CONSTRAINT "ImportChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "actorEmail" TEXT,
    "role" "Role",
    "action" VARCHAR(80) NOT NULL,
    "targetType" VARCHAR(40),
    "targetId" VARCHAR(80),
    "stateCode" CHAR(2),
    "outcome" "AuditOutcome" NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "sessionId" VARCHAR(64),
    "changes" JSONB,
    "metadata" JSONB,
    "prevHash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Department_code_key" ON "Department"("code");

-- CreateIndex
CREATE INDEX "Department_stateCode_kind_idx" ON "Department"("stateCode", "kind");

-- CreateIndex
CREATE INDEX "Officer_departmentId_hiredOn_separatedOn_idx" ON "Officer"("departmentId", "hiredOn", "separatedOn");

-- CreateIndex
CREATE INDEX "OfficerAssignment_officerId_recordedAt_idx" ON "OfficerAssignment"("officerId", "recordedAt");

-- CreateIndex
CREATE INDEX "TrainingRecord_officerId_completedOn_idx" ON "TrainingRecord"("officerId", "completedOn");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingRecord_officerId_courseCode_completedOn_key" ON "TrainingRecord"("officerId", "courseCode", "completedOn");

-- CreateIndex
CREATE UNIQUE INDEX "VettingEvaluation_officerId_evaluatedOn_key" ON "VettingEvaluation"("officerId", "evaluatedOn");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_ref_key" ON "Complaint"("ref");

-- CreateIndex
CREATE INDEX "Complaint_departmentId_receivedOn_idx" ON "Complaint"("departmentId", "receivedOn");

-- CreateIndex
CREATE INDEX "ComplaintOfficer_officerId_idx" ON "ComplaintOfficer"("officerId");

-- CreateIndex
CREATE UNIQUE INDEX "RuleSetVersion_ruleSetId_version_key" ON "RuleSetVersion"("ruleSetId", "version");

-- CreateIndex
CREATE INDEX "EvaluationRun_asOf_idx" ON "EvaluationRun"("asOf");

-- CreateIndex
CREATE INDEX "EvaluationResult_departmentId_runId_idx" ON "EvaluationResult"("departmentId", "runId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationResult_runId_departmentId_key" ON "EvaluationResult"("runId", "departmentId");

-- CreateIndex
CREATE INDEX "Recommendation_departmentId_status_idx" ON "Recommendation"("departmentId", "status");

-- CreateIndex
CREATE INDEX "Review_departmentId_status_idx" ON "Review"("departmentId", "status");

-- CreateIndex
CREATE INDEX "ReceivershipCase_departmentId_status_idx" ON "ReceivershipCase"("departmentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ReceivershipApproval_caseId_userId_key" ON "ReceivershipApproval"("caseId", "userId");

-- CreateIndex
CREATE INDEX "ReceivershipMilestone_dueOn_idx" ON "ReceivershipMilestone"("dueOn");

-- CreateIndex
CREATE INDEX "Comment_targetType_targetId_idx" ON "Comment"("targetType", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_at_idx" ON "LoginAttempt"("email", "at");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_at_idx" ON "LoginAttempt"("ip", "at");

-- CreateIndex
CREATE UNIQUE INDEX "AlertSubscription_userId_trigger_key" ON "AlertSubscription"("userId", "trigger");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_idempotencyKey_key" ON "OutboxEmail"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_messageId_key" ON "OutboxEmail"("messageId");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_nextAttemptAt_idx" ON "OutboxEmail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "ImportChange_batchId_idx" ON "ImportChange"("batchId");

-- CreateIndex
CREATE INDEX "ImportChange_entity_key_idx" ON "ImportChange"("entity", "key");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_occurredAt_idx" ON "AuditEvent"("actorId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_idx" ON "AuditEvent"("targetType", "targetId");

-- AddForeignKey
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_stateCode_fkey" FOREIGN KEY ("stateCode") REFERENCES "State"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_stateCode_fkey" FOREIGN KEY ("stateCode") REFERENCES "State"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_stateCode_municipalityCode_fkey" FOREIGN KEY ("stateCode", "municipalityCode") REFERENCES "Municipality"("stateCode", "code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Officer" ADD CONSTRAINT "Officer_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficerAssignment" ADD CONSTRAINT "OfficerAssignment_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficerAssignment" ADD CONSTRAINT "OfficerAssignment_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_courseCode_fkey" FOREIGN KEY ("courseCode") REFERENCES "TrainingCourse"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VettingEvaluation" ADD CONSTRAINT "VettingEvaluation_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintOfficer" ADD CONSTRAINT "ComplaintOfficer_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintOfficer" ADD CONSTRAINT "ComplaintOfficer_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceLink" ADD CONSTRAINT "SourceLink_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceLink" ADD CONSTRAINT "SourceLink_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleSetVersion" ADD CONSTRAINT "RuleSetVersion_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "RuleSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRun" ADD CONSTRAINT "EvaluationRun_ruleSetVersionId_fkey" FOREIGN KEY ("ruleSetVersionId") REFERENCES "RuleSetVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "EvaluationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_evaluationRunId_fkey" FOREIGN KEY ("evaluationRunId") REFERENCES "EvaluationRun"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_evaluationResultId_fkey" FOREIGN KEY ("evaluationResultId") REFERENCES "EvaluationResult"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceivershipCase" ADD CONSTRAINT "ReceivershipCase_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceivershipCase" ADD CONSTRAINT "ReceivershipCase_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceivershipCase" ADD CONSTRAINT "ReceivershipCase_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceivershipApproval" ADD CONSTRAINT "ReceivershipApproval_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReceivershipCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceivershipApproval" ADD CONSTRAINT "ReceivershipApproval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceivershipExitCriterion" ADD CONSTRAINT "ReceivershipExitCriterion_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReceivershipCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceivershipMilestone" ADD CONSTRAINT "ReceivershipMilestone_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReceivershipCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceivershipStatusChange" ADD CONSTRAINT "ReceivershipStatusChange_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ReceivershipCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceivershipStatusChange" ADD CONSTRAINT "ReceivershipStatusChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_stateCode_fkey" FOREIGN KEY ("stateCode") REFERENCES "State"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertSubscription" ADD CONSTRAINT "AlertSubscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportChange" ADD CONSTRAINT "ImportChange_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
