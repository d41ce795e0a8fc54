-- The chain head for recordAudit (src/server/audit/record.ts) in one round trip: take the chain lock,
-- then read the newest hash. Before, the lock and the head were two statements, so every writer held
-- the lock across one more round trip and concurrent audited views queued behind it.
-- The head must be read *after* the lock is granted: a statement's snapshot is taken when it starts,
-- but a VOLATILE plpgsql function takes a fresh snapshot for each query it runs (at READ COMMITTED),
-- so the SELECT below sees every event committed before the lock was ours.
-- The body is an E'' string with \073 for each semicolon (Prisma's pg adapter splits scripts on them).

CREATE FUNCTION "audit_chain_head"(lock_key bigint, OUT isolation text, OUT head text, OUT now_ms bigint)
  LANGUAGE plpgsql VOLATILE AS E'
BEGIN
  isolation := current_setting(''transaction_isolation'')\073
  PERFORM pg_advisory_xact_lock(lock_key)\073
  SELECT e."hash" INTO head FROM "AuditEvent" e ORDER BY e."id" DESC LIMIT 1\073
  now_ms := (extract(epoch from clock_timestamp()) * 1000)::bigint\073
END\073
';
