import { stringify } from "csv-stringify/sync";
import type { AuditActor } from "../audit/record";
import { type Scope, visibleStateCode } from "../authz/scope";
import type { Db } from "../db/client";
import { exportColumns } from "../exports/export-csv";
import { type DownloadBody, openDownload } from "../http/download";
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
 * separated by spaces; open review and receivership). An audited download: `departments.export`, with
 * the filters and the row count, is committed before the first byte, and `.completed` or `.aborted`
 * recorded after the last. The rows are one per department (a few thousand at most), read before the
 * start event so it can count them; they are sent a page at a time.
 */
export async function openDepartmentsExport(db: Db, scope: Scope, actor: AuditActor, view: DepartmentFilters) {
  const rows = await listAllDepartments(db, scope, view);
  return openDownload({
    db,
    actor,
    event: {
      action: "departments.export",
      targetType: "Department",
      stateCode: visibleStateCode(scope),
      metadata: { filters: view, rows: rows.length },
    },
    body: departmentsCsv(rows, [...exportColumns(scope, "departments"), ...DEPARTMENT_VIEW_COLUMNS]),
  });
}

const PAGE_ROWS = 500;

// eslint-disable-next-line @typescript-eslint/require-await -- async so that it is a DownloadBody like the streamed ones
async function* departmentsCsv(rows: Awaited<ReturnType<typeof listAllDepartments>>, columns: string[]): DownloadBody {
  yield stringify([columns], { record_delimiter: "unix" });
  for (let start = 0; start < rows.length; start += PAGE_ROWS) {
    const records = rows.slice(start, start + PAGE_ROWS).map((r) => {
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
    yield stringify(records, { record_delimiter: "unix" });
  }
}
