-- AuditEvent is append-only. Rows are only ever inserted (src/server/audit/record.ts), and any
-- UPDATE, DELETE or TRUNCATE raises, whoever runs it. ENABLE ALWAYS keeps the triggers firing even
-- under `session_replication_role = replica`, so only a role that can ALTER the table (its owner or
-- a superuser) can get past them, and such tampering is still caught by `vigila audit:verify`.
-- Production also revokes the privileges from the application role: see docs/audit.md.
--
-- The function body is an E'' string with \073 for each semicolon because Prisma's pg adapter runs
-- migration scripts by splitting them on every semicolon, including those inside $$ bodies.

CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''AuditEvent is append-only: % is not allowed'', TG_OP
    USING ERRCODE = ''insufficient_privilege'',
          HINT = ''Audit events can only be inserted. Corrections are recorded as new events.''\073
END\073
';

CREATE TRIGGER "AuditEvent_no_update_delete"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();

ALTER TABLE "AuditEvent" ENABLE ALWAYS TRIGGER "AuditEvent_no_update_delete";
ALTER TABLE "AuditEvent" ENABLE ALWAYS TRIGGER "AuditEvent_no_truncate";
