import { stringify } from "csv-stringify/sync";
import { recordAudit, type AuditActor } from "../audit/record";
import { type Scope, visibleStateCode } from "../authz/scope";
import type { Db } from "../db/client";
import { exportColumns } from "../exports/export-csv";
import { neutraliseCell } from "../imports/csv-safety";
import { listAllDepartments } from "./list-departments";
import type { DepartmentFilters } from "./list-input";

/**
 * What the view shows beyond the exchange format, after its columns: a reader of the file sees what
 * the page showed. (The per-kind exports, `vigila export departments` and /imports, stay in the
 * exchange format and re-import unchanged.)
 */
export const DEPARTMENT_VIEW_COLUMNS = [
  "state_name",
  "municipality_name",
  "active_officers",
  "level",
  "insufficient_data",
  "rules_fired",
  "under_review",
  "in_receivership",
] as const;

const yesNo = (value: boolean) => (value ? "yes" : "no");

/**
 * The departments of the current view as CSV: the data-exchange format's departments columns, in its
 * order, then the view's own (level of the latest evaluation, empty when never evaluated; rules fired,
 * separated by spaces; open review and receivership). The export is audited with the filters that
 * produced it, in the same transaction that reads the rows.
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
    const columns = [...exportColumns(scope, "departments"), ...DEPARTMENT_VIEW_COLUMNS];
    const records = rows.map((r) => {
      const cells: Record<string, string> = {
        department_code: r.code,
        name: r.name,
        kind: r.kind,
        state_code: r.stateCode,
        municipality_code: r.municipalityCode ?? "",
        authorized_strength: r.authorizedStrength?.toString() ?? "",
        state_name: r.stateName,
        municipality_name: r.municipalityName ?? "",
        active_officers: String(r.officersOnRoll),
        level: r.level ?? "",
        insufficient_data: yesNo(r.insufficientData),
        rules_fired: r.rulesFired.join(" "),
        under_review: yesNo(r.underReview),
        in_receivership: yesNo(r.inReceivership),
      };
      return columns.map((c) => neutraliseCell(cells[c] ?? ""));
    });
    return stringify([columns, ...records], { record_delimiter: "unix" });
  });
}
