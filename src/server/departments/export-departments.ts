import { stringify } from "csv-stringify/sync";
import { recordAudit, type AuditActor } from "../audit/record";
import { type Scope, visibleStateCode } from "../authz/scope";
import type { Db } from "../db/client";
import { exportColumns } from "../exports/export-csv";
import { neutraliseCell } from "../imports/csv-safety";
import { listAllDepartments } from "./list-departments";
import type { DepartmentFilters } from "./list-input";

/**
 * The departments of the current view as a departments.csv file (the data-exchange format's columns,
 * in its order, so the file re-imports unchanged). The export is audited with the
 * filters that produced it, in the same transaction that reads the rows.
 */
export async function exportDepartmentsView(db: Db, scope: Scope, actor: AuditActor, view: DepartmentFilters): Promise<string> {
  return db.$transaction(async (tx) => {
    const rows = await listAllDepartments(tx, scope, view);
    await recordAudit(tx, {
      actor,
      action: "departments.export",
      targetType: "Department",
      stateCode: visibleStateCode(scope),
      metadata: { filters: view, rows: rows.length },
    });
    const columns = exportColumns(scope, "departments");
    const records = rows.map((r) => {
      const cells: Record<string, string> = {
        department_code: r.code,
        name: r.name,
        kind: r.kind,
        state_code: r.stateCode,
        municipality_code: r.municipalityCode ?? "",
        authorized_strength: r.authorizedStrength?.toString() ?? "",
      };
      return columns.map((c) => neutraliseCell(cells[c] ?? ""));
    });
    return stringify([columns, ...records], { record_delimiter: "unix" });
  });
}
