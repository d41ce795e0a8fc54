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
 * The departments of the current view as a departments.csv file (the data-exchange format's columns,
 * in its order, so the file re-imports unchanged), as an audited download: `departments.export`, with
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
    body: departmentsCsv(rows, exportColumns(scope, "departments")),
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
      };
      return columns.map((c) => neutraliseCell(cells[c] ?? ""));
    });
    yield stringify(records, { record_delimiter: "unix" });
  }
}
