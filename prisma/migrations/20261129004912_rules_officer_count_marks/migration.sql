-- Invalidation of "ActiveOfficerCount" (see src/server/rules/active-officer-counts.ts). A statement on
-- "Officer" that changes who is active in which department, whoever runs it, appends one mark, and stored
-- counts are used only while no mark is visible, in the reader's own snapshot. Appending never waits
-- on a refresh, and a refresh only deletes the marks its own snapshot sees, so a change committed
-- meanwhile keeps its mark until a refresh that sees it.
--
-- Function bodies are E'' strings with \073 for each semicolon: Prisma's pg adapter runs migration
-- scripts by splitting them on every semicolon.

CREATE FUNCTION "officer_count_mark"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL\073 END IF\073
  ELSIF TG_OP = ''DELETE'' THEN
    IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL\073 END IF\073
  ELSIF NOT EXISTS (
    SELECT 1 FROM old_rows o FULL JOIN new_rows n ON n.id = o.id
    WHERE o.id IS NULL OR n.id IS NULL
       OR (o."departmentId", o."hiredOn", o."separatedOn") IS DISTINCT FROM (n."departmentId", n."hiredOn", n."separatedOn")
  ) THEN
    RETURN NULL\073
  END IF\073
  INSERT INTO "OfficerCountMark" DEFAULT VALUES\073
  RETURN NULL\073
END\073
';

-- TRUNCATE has no transition tables.
CREATE FUNCTION "officer_count_mark_truncate"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "OfficerCountMark" DEFAULT VALUES\073
  RETURN NULL\073
END\073
';

CREATE TRIGGER "Officer_count_mark_insert" AFTER INSERT ON "Officer" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "officer_count_mark"();
CREATE TRIGGER "Officer_count_mark_update" AFTER UPDATE ON "Officer" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "officer_count_mark"();
CREATE TRIGGER "Officer_count_mark_delete" AFTER DELETE ON "Officer" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "officer_count_mark"();
CREATE TRIGGER "Officer_count_mark_truncate" AFTER TRUNCATE ON "Officer" FOR EACH STATEMENT EXECUTE FUNCTION "officer_count_mark_truncate"();
