import { once } from "node:events";
import type { Writable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import { Prisma } from "../../generated/prisma/client";
import { recordAudit } from "../audit/record";
import { type Scope, departmentSqlFilter, mayReadComplainantData } from "../authz/scope";
import type { Db } from "../db/client";
import { neutraliseCell } from "../imports/csv-safety";
import { KIND_SPECS } from "../imports/kinds";
import type { ImportKind } from "../imports/types";
import { EXPORT_QUERIES } from "./queries";

export type ExportOptions = { stateCode?: string | null };
export type ExportResult = { rows: number; columns: string[] };

const FETCH_ROWS = 5_000;
const TRANSACTION_TIMEOUT_MS = 30 * 60_000;

/**
 * The columns this caller gets: the import's columns in the spec's order, except the complaint
 * summary (complainant personal data) for roles not allowed to read it. `scope` null = operator.
 */
export function exportColumns(scope: Scope | null, kind: ImportKind): string[] {
  const names = KIND_SPECS[kind].columns.map((c) => c.name);
  return scope && !mayReadComplainantData(scope) ? names.filter((n) => n !== "summary") : names;
}

async function write(output: Writable, chunk: string) {
  if (!output.write(chunk)) await once(output, "drain");
}

/**
 * Streams one kind as CSV in the import format, sorted by natural key, through a server-side
 * cursor (memory stays flat; the cursor's query reads one consistent snapshot even at READ
 * COMMITTED). Out-of-scope departments' records are simply absent. The export is audited as a view
 * of records, in the same transaction that read them.
 */
export async function exportCsv(
  db: Db,
  scope: Scope | null,
  kind: ImportKind,
  options: ExportOptions,
  output: Writable,
): Promise<ExportResult> {
  const query = EXPORT_QUERIES[kind];
  const columns = exportColumns(scope, kind);
  const stateFilter = options.stateCode ? Prisma.sql`d."stateCode" = ${options.stateCode}` : Prisma.sql`true`;
  const scopeFilter = scope ? departmentSqlFilter(scope, "d") : Prisma.sql`true`;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`declare export_rows no scroll cursor for
        select ${Prisma.raw(query.select)} from ${Prisma.raw(query.from)}
        where ${stateFilter} and ${scopeFilter} order by ${Prisma.raw(query.orderBy)}`;
      await write(output, stringify([columns], { record_delimiter: "unix" }));
      let rows = 0;
      for (;;) {
        const page = await tx.$queryRawUnsafe<Record<string, string | null>[]>(`fetch forward ${FETCH_ROWS} from export_rows`);
        if (page.length === 0) break;
        const cells = page.map((r) => columns.map((c) => neutraliseCell(r[c] ?? "")));
        await write(output, stringify(cells, { record_delimiter: "unix" }));
        rows += page.length;
      }
      await recordAudit(tx, {
        actor: scope ? { userId: scope.userId, role: scope.role, sessionId: scope.sessionId ?? null } : { userId: null },
        action: "export.completed",
        targetType: "export",
        targetId: kind,
        stateCode: options.stateCode ?? null,
        metadata: { kind, rows, stateCode: options.stateCode ?? null, columns },
      });
      return { rows, columns };
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
  );
}
