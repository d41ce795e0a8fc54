-- Keeps "AuditEventCount" (events per state, "" for none) in step with "AuditEvent", so the audit page's
-- exact total without filters reads a few rows instead of counting the whole trail (src/server/audit/search.ts).
-- The counts are exact: the trigger runs in the inserting transaction (a reader's snapshot sees an event
-- and its count together or neither), and AuditEvent rows are never updated, deleted or truncated
-- (migration audit_append_only). Writers already queue on the chain lock, so the counter row adds no wait.
-- ENABLE ALWAYS: it fires under session_replication_role = replica too (bulk loaders).
-- The trigger is created and the existing events counted in one DO statement with the table locked against
-- inserts, so no event is counted twice or missed. Bodies are E'' strings with \073 for each semicolon
-- (Prisma's pg adapter splits scripts on them).

CREATE FUNCTION "audit_event_count"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "AuditEventCount" ("stateCode", "events")
  SELECT coalesce(n."stateCode"::text, ''''), count(*) FROM new_rows n GROUP BY 1
  ON CONFLICT ("stateCode") DO UPDATE SET "events" = "AuditEventCount"."events" + excluded."events"\073
  RETURN NULL\073
END\073
';

DO E'
BEGIN
  LOCK TABLE "AuditEvent" IN SHARE ROW EXCLUSIVE MODE\073
  CREATE TRIGGER "AuditEvent_count" AFTER INSERT ON "AuditEvent" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_count"()\073
  ALTER TABLE "AuditEvent" ENABLE ALWAYS TRIGGER "AuditEvent_count"\073
  INSERT INTO "AuditEventCount" ("stateCode", "events")
  SELECT coalesce("stateCode"::text, ''''), count(*) FROM "AuditEvent" GROUP BY 1\073
END\073
';
