-- Every dashboard mark trigger fires in every session, including one with session_replication_role =
-- replica (an import may write that way to skip per-row foreign-key checks, see
-- src/server/imports/link-checks.ts): a write that skipped its marks would leave the precomputed
-- dashboard figures stale without anyone knowing. The Officer INSERT trigger is already ALWAYS
-- (migration import_triggers_fire_always). In ordinary sessions ENABLE ALWAYS and ENABLE behave alike.
ALTER TABLE "Officer" ENABLE ALWAYS TRIGGER "Officer_dashboard_update";
ALTER TABLE "Officer" ENABLE ALWAYS TRIGGER "Officer_dashboard_delete";
ALTER TABLE "Officer" ENABLE ALWAYS TRIGGER "Officer_dashboard_truncate";
ALTER TABLE "VettingEvaluation" ENABLE ALWAYS TRIGGER "VettingEvaluation_dashboard_insert";
ALTER TABLE "VettingEvaluation" ENABLE ALWAYS TRIGGER "VettingEvaluation_dashboard_update";
ALTER TABLE "VettingEvaluation" ENABLE ALWAYS TRIGGER "VettingEvaluation_dashboard_delete";
ALTER TABLE "VettingEvaluation" ENABLE ALWAYS TRIGGER "VettingEvaluation_dashboard_truncate";
ALTER TABLE "TrainingRecord" ENABLE ALWAYS TRIGGER "TrainingRecord_dashboard_insert";
ALTER TABLE "TrainingRecord" ENABLE ALWAYS TRIGGER "TrainingRecord_dashboard_update";
ALTER TABLE "TrainingRecord" ENABLE ALWAYS TRIGGER "TrainingRecord_dashboard_delete";
ALTER TABLE "TrainingRecord" ENABLE ALWAYS TRIGGER "TrainingRecord_dashboard_truncate";
ALTER TABLE "Complaint" ENABLE ALWAYS TRIGGER "Complaint_dashboard_insert";
ALTER TABLE "Complaint" ENABLE ALWAYS TRIGGER "Complaint_dashboard_update";
ALTER TABLE "Complaint" ENABLE ALWAYS TRIGGER "Complaint_dashboard_delete";
ALTER TABLE "Complaint" ENABLE ALWAYS TRIGGER "Complaint_dashboard_truncate";
ALTER TABLE "Department" ENABLE ALWAYS TRIGGER "Department_dashboard_update";
ALTER TABLE "Department" ENABLE ALWAYS TRIGGER "Department_dashboard_delete";
ALTER TABLE "Department" ENABLE ALWAYS TRIGGER "Department_dashboard_truncate";
