import { once } from "node:events";
import type { Writable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import { Prisma } from "../../generated/prisma/client";
import type { AuditActor } from "../audit/record";
import { type Scope, departmentSqlFilter, mayReadComplainantData } from "../authz/scope";
import type { Db } from "../db/client";
import { cursorPages } from "../db/read-cursor";
import { type DownloadBody, type DownloadSpec, openDownload } from "../http/download";
import { neutraliseCell } from "../imports/csv-safety";
import { KIND_SPECS } from "../imports/kinds";
import type { ImportKind } from "../imports/types";
import { EXPORT_QUERIES, OFFICER_SCOPE } from "./queries";

export type ExportOptions = { stateCode?: string | null };
export type ExportResult = { rows: number; columns: string[] };

const FETCH_ROWS = 5_000;

/**
 * The columns this caller gets: the import's columns in the spec's order, except the complaint
 * summary (complainant personal data) for roles not allowed to read it. `scope` null = operator.
 */
export function exportColumns(scope: Scope | null, kind: ImportKind): string[] {
  const names = KIND_SPECS[kind].columns.map((c) => c.name);
  return scope && !mayReadComplainantData(scope) ? names.filter((n) => n !== "summary") : names;
}

/**
 * One kind as CSV in the import format, sorted by natural key, through a server-side cursor in one
 * snapshot (memory stays at one page). Out-of-scope departments' records are simply absent, and so are
 * the ids of officers the caller may not see (a complaint's officers may have moved to another state).
 */
async function* csvChunks(db: Db, scope: Scope | null, kind: ImportKind, options: ExportOptions, columns: string[]): DownloadBody {
  const query = EXPORT_QUERIES[kind];
  const stateFilter = options.stateCode ? Prisma.sql`d."stateCode" = ${options.stateCode}` : Prisma.sql`true`;
  const scopeFilter = scope ? departmentSqlFilter(scope, "d") : Prisma.sql`true`;
  const officerFilter = scope ? departmentSqlFilter(scope, "od") : Prisma.sql`true`;
  const sql = Prisma.sql`select ${withOfficerFilter(query.select, officerFilter)} from ${Prisma.raw(query.from)}
    where ${stateFilter} and ${scopeFilter} order by ${Prisma.raw(query.orderBy)}`;
  let rows = 0;
  const pages = cursorPages<Record<string, string | null>>(db, sql, FETCH_ROWS);
  yield stringify([columns], { record_delimiter: "unix" });
  for await (const page of pages) {
    yield stringify(
      page.map((r) => columns.map((c) => neutraliseCell(r[c] ?? ""))),
      { record_delimiter: "unix" },
    );
    rows += page.length;
  }
  return { rows };
}

/** Joins the query's text around its officer-visibility mark with the caller's filter in between. */
function withOfficerFilter(query: string, officerFilter: Prisma.Sql): Prisma.Sql {
  const [before, after, ...more] = query.split(OFFICER_SCOPE);
  if (after === undefined || more.length > 0) return Prisma.raw(query);
  return new Prisma.Sql([before!, after], [officerFilter]);
}

/** The audit event of an export: who took which kind, which columns (the complaint summary or not). */
function exportEvent(kind: ImportKind, options: ExportOptions, columns: string[]): DownloadSpec["event"] {
  const stateCode = options.stateCode ?? null;
  return { action: "export", targetType: "export", targetId: kind, stateCode, metadata: { kind, stateCode, columns } };
}

const actorOf = (scope: Scope | null): AuditActor =>
  scope ? { userId: scope.userId, role: scope.role, sessionId: scope.sessionId ?? null } : { userId: null };

/**
 * An audited export ready to send: `export` is committed before the first byte and `export.completed`
 * (with the rows) or `export.aborted` after the last. `scope` null = operator (the CLI).
 */
export function openCsvExport(db: Db, scope: Scope | null, kind: ImportKind, options: ExportOptions, actor: AuditActor = actorOf(scope)) {
  const columns = exportColumns(scope, kind);
  return openDownload({ db, actor, event: exportEvent(kind, options, columns), body: csvChunks(db, scope, kind, options, columns) });
}

/** The export written to a file or pipe (the CLI), waiting for the writer to drain between pages. */
export async function exportCsv(
  db: Db,
  scope: Scope | null,
  kind: ImportKind,
  options: ExportOptions,
  output: Writable,
): Promise<ExportResult> {
  const columns = exportColumns(scope, kind);
  let rows = 0;
  const body = csvChunks(db, scope, kind, options, columns);
  async function* counted(): DownloadBody {
    for (;;) {
      const next = await body.next();
      if (next.done) {
        rows = Number(next.value?.rows ?? 0);
        return next.value;
      }
      yield next.value;
    }
  }
  const chunks = await openDownload({ db, actor: actorOf(scope), event: exportEvent(kind, options, columns), body: counted() });
  for await (const chunk of chunks) if (!output.write(chunk)) await once(output, "drain");
  return { rows, columns };
}
