-- Invalidation of the precomputed dashboard figures (see src/server/dashboard/figure-cache.ts).
-- Statement-level AFTER triggers with transition tables record, once per statement, every department
-- whose officers, vetting, training or complaints the statement changed, whoever writes (imports and
-- their undo, the UI, the demo seed, raw SQL). Updates that change none of the columns the figures
-- read mark nothing. A row is appended per department and statement, never upserted, so a writer
-- never waits on (or is lost behind) a refresh that is consuming older marks.
--
-- Function bodies are E'' strings with \073 for each semicolon: Prisma's pg adapter runs migration
-- scripts by splitting them on every semicolon.

CREATE FUNCTION "dashboard_dirty_officer"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO "DashboardDirtyDepartment" ("departmentId") SELECT DISTINCT "departmentId" FROM new_rows\073
  ELSIF TG_OP = ''DELETE'' THEN
    INSERT INTO "DashboardDirtyDepartment" ("departmentId") SELECT DISTINCT "departmentId" FROM old_rows\073
  ELSE
    INSERT INTO "DashboardDirtyDepartment" ("departmentId")
    SELECT DISTINCT v.id FROM old_rows o FULL JOIN new_rows n ON n.id = o.id,
           LATERAL (VALUES (o."departmentId"), (n."departmentId")) v(id)
    WHERE v.id IS NOT NULL
      AND (o.id IS NULL OR n.id IS NULL
           OR (o."departmentId", o."hiredOn", o."separatedOn") IS DISTINCT FROM (n."departmentId", n."hiredOn", n."separatedOn"))\073
  END IF\073
  RETURN NULL\073
END\073
';

-- Vetting and training rows reach their department through the officer. When the officer itself was
-- deleted (cascade), the officer trigger has already marked the department.
CREATE FUNCTION "dashboard_dirty_vetting"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO "DashboardDirtyDepartment" ("departmentId")
    SELECT DISTINCT f."departmentId" FROM new_rows r JOIN "Officer" f ON f.id = r."officerId"\073
  ELSIF TG_OP = ''DELETE'' THEN
    INSERT INTO "DashboardDirtyDepartment" ("departmentId")
    SELECT DISTINCT f."departmentId" FROM old_rows r JOIN "Officer" f ON f.id = r."officerId"\073
  ELSE
    INSERT INTO "DashboardDirtyDepartment" ("departmentId")
    SELECT DISTINCT f."departmentId"
    FROM old_rows o FULL JOIN new_rows n ON n.id = o.id,
         LATERAL (VALUES (o."officerId"), (n."officerId")) v(officer_id)
         JOIN "Officer" f ON f.id = v.officer_id
    WHERE o.id IS NULL OR n.id IS NULL
       OR (o."officerId", o."evaluatedOn", o.result, o."validUntil") IS DISTINCT FROM (n."officerId", n."evaluatedOn", n.result, n."validUntil")\073
  END IF\073
  RETURN NULL\073
END\073
';

CREATE FUNCTION "dashboard_dirty_training"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO "DashboardDirtyDepartment" ("departmentId")
    SELECT DISTINCT f."departmentId" FROM new_rows r JOIN "Officer" f ON f.id = r."officerId"\073
  ELSIF TG_OP = ''DELETE'' THEN
    INSERT INTO "DashboardDirtyDepartment" ("departmentId")
    SELECT DISTINCT f."departmentId" FROM old_rows r JOIN "Officer" f ON f.id = r."officerId"\073
  ELSE
    INSERT INTO "DashboardDirtyDepartment" ("departmentId")
    SELECT DISTINCT f."departmentId"
    FROM old_rows o FULL JOIN new_rows n ON n.id = o.id,
         LATERAL (VALUES (o."officerId"), (n."officerId")) v(officer_id)
         JOIN "Officer" f ON f.id = v.officer_id
    WHERE o.id IS NULL OR n.id IS NULL
       OR (o."officerId", o."courseCode", o."completedOn", o.hours) IS DISTINCT FROM (n."officerId", n."courseCode", n."completedOn", n.hours)\073
  END IF\073
  RETURN NULL\073
END\073
';

CREATE FUNCTION "dashboard_dirty_complaint"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO "DashboardDirtyDepartment" ("departmentId") SELECT DISTINCT "departmentId" FROM new_rows\073
  ELSIF TG_OP = ''DELETE'' THEN
    INSERT INTO "DashboardDirtyDepartment" ("departmentId") SELECT DISTINCT "departmentId" FROM old_rows\073
  ELSE
    INSERT INTO "DashboardDirtyDepartment" ("departmentId")
    SELECT DISTINCT v.id FROM old_rows o FULL JOIN new_rows n ON n.id = o.id,
           LATERAL (VALUES (o."departmentId"), (n."departmentId")) v(id)
    WHERE v.id IS NOT NULL
      AND (o.id IS NULL OR n.id IS NULL
           OR (o."departmentId", o."receivedOn", o.status, o.category, o."resolvedOn")
              IS DISTINCT FROM (n."departmentId", n."receivedOn", n.status, n.category, n."resolvedOn"))\073
  END IF\073
  RETURN NULL\073
END\073
';

-- TRUNCATE has no transition tables: forget every stored figure, the next read recomputes.
CREATE FUNCTION "dashboard_figures_reset"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "DashboardFigureDate"\073
  DELETE FROM "DashboardFigure"\073
  RETURN NULL\073
END\073
';

CREATE TRIGGER "Officer_dashboard_insert" AFTER INSERT ON "Officer" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_dirty_officer"();
CREATE TRIGGER "Officer_dashboard_update" AFTER UPDATE ON "Officer" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_dirty_officer"();
CREATE TRIGGER "Officer_dashboard_delete" AFTER DELETE ON "Officer" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_dirty_officer"();
CREATE TRIGGER "Officer_dashboard_truncate" AFTER TRUNCATE ON "Officer" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_figures_reset"();

CREATE TRIGGER "VettingEvaluation_dashboard_insert" AFTER INSERT ON "VettingEvaluation" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_dirty_vetting"();
CREATE TRIGGER "VettingEvaluation_dashboard_update" AFTER UPDATE ON "VettingEvaluation" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_dirty_vetting"();
CREATE TRIGGER "VettingEvaluation_dashboard_delete" AFTER DELETE ON "VettingEvaluation" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_dirty_vetting"();
CREATE TRIGGER "VettingEvaluation_dashboard_truncate" AFTER TRUNCATE ON "VettingEvaluation" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_figures_reset"();

CREATE TRIGGER "TrainingRecord_dashboard_insert" AFTER INSERT ON "TrainingRecord" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_dirty_training"();
CREATE TRIGGER "TrainingRecord_dashboard_update" AFTER UPDATE ON "TrainingRecord" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_dirty_training"();
CREATE TRIGGER "TrainingRecord_dashboard_delete" AFTER DELETE ON "TrainingRecord" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_dirty_training"();
CREATE TRIGGER "TrainingRecord_dashboard_truncate" AFTER TRUNCATE ON "TrainingRecord" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_figures_reset"();

CREATE TRIGGER "Complaint_dashboard_insert" AFTER INSERT ON "Complaint" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_dirty_complaint"();
CREATE TRIGGER "Complaint_dashboard_update" AFTER UPDATE ON "Complaint" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_dirty_complaint"();
CREATE TRIGGER "Complaint_dashboard_delete" AFTER DELETE ON "Complaint" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_dirty_complaint"();
CREATE TRIGGER "Complaint_dashboard_truncate" AFTER TRUNCATE ON "Complaint" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_figures_reset"();

CREATE TRIGGER "Department_dashboard_truncate" AFTER TRUNCATE ON "Department" FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_figures_reset"();
