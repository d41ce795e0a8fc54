-- The statement-level INSERT triggers on "Officer" (dashboard dirty marks, active-officer count marks)
-- fire in every session, including one with session_replication_role = replica: a million-row import
-- inserts officers in that mode to replace four million per-row foreign-key checks with set-based ones
-- (src/server/imports/link-checks.ts), and these marks must still be written. Nothing else changes:
-- in ordinary sessions ENABLE ALWAYS and ENABLE behave alike. A trigger re-created later without
-- ALWAYS only makes imports fall back to the per-row checks.
ALTER TABLE "Officer" ENABLE ALWAYS TRIGGER "Officer_dashboard_insert";
ALTER TABLE "Officer" ENABLE ALWAYS TRIGGER "Officer_count_mark_insert";
