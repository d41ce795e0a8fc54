-- The per-state sums (DashboardStateFigure) group departments by their current state: a department
-- moving to another state (or being deleted) is marked like any other change, so the next refresh
-- rebuilds the sums. TRUNCATE of the source tables also forgets the per-state sums.
--
-- Function bodies are E'' strings with \073 for each semicolon: Prisma's pg adapter runs migration
-- scripts by splitting them on every semicolon.

CREATE FUNCTION "dashboard_dirty_department"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''DELETE'' THEN
    INSERT INTO "DashboardDirtyDepartment" ("departmentId") SELECT id FROM old_rows\073
  ELSE
    INSERT INTO "DashboardDirtyDepartment" ("departmentId")
    SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n."stateCode" IS DISTINCT FROM o."stateCode"\073
  END IF\073
  RETURN NULL\073
END\073
';

CREATE TRIGGER "Department_dashboard_update" AFTER UPDATE ON "Department" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_dirty_department"();
CREATE TRIGGER "Department_dashboard_delete" AFTER DELETE ON "Department" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_dirty_department"();

CREATE OR REPLACE FUNCTION "dashboard_figures_reset"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "DashboardFigureDate"\073
  DELETE FROM "DashboardFigure"\073
  DELETE FROM "DashboardStateFigure"\073
  RETURN NULL\073
END\073
';

-- Figures stored before this migration have no per-state sums yet: forget their dates so the next
-- refresh computes both.
DELETE FROM "DashboardFigureDate";
DELETE FROM "DashboardFigure";
