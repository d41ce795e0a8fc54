import { stringify } from "csv-stringify/sync";
import type { AuditEvent, Prisma } from "../../generated/prisma/client";
import type { Scope } from "../authz/scope";
import type { Db } from "../db/client";
import { neutraliseCell } from "../imports/csv-safety";
import { type RequestOrigin, auditActor } from "./actor";
import { AUDIT_CALENDAR_TIME_ZONE } from "./day-range";
import { type AuditFilters, auditEventSqlFilter, filtersUsed } from "./search";
import { recordAudit } from "./record";
import { type DownloadBody, openDownload } from "../http/download";

export const AUDIT_CSV_COLUMNS = [
  "id",
  "occurred_at_utc",
  "occurred_at_mexico_city",
  "actor_id",
  "actor_email",
  "role",
  "action",
  "target_type",
  "target_id",
  "state_code",
  "outcome",
  "ip",
  "user_agent",
  "session_id",
  "changes",
  "metadata",
  "prev_hash",
  "hash",
] as const;

const PAGE_ROWS = 1_000;
// Spreadsheet programs read the file as UTF-8 (accents, ñ) only when it starts with a BOM.
const BOM = "\uFEFF";
const localTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: AUDIT_CALENDAR_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

const csvLines = (rows: string[][]) => stringify(rows, { record_delimiter: "unix" });
const json = (value: unknown) => (value === null ? "" : JSON.stringify(value));

/** One CSV record; every text cell goes through the formula-injection guard. */
export function auditCsvCells(row: AuditEvent): string[] {
  const cells = [
    row.id.toString(),
    row.occurredAt.toISOString(),
    localTime.format(row.occurredAt),
    row.actorId?.toString() ?? "",
    row.actorEmail ?? "",
    row.role ?? "",
    row.action,
    row.targetType ?? "",
    row.targetId ?? "",
    row.stateCode ?? "",
    row.outcome,
    row.ip ?? "",
    row.userAgent ?? "",
    row.sessionId ?? "",
    json(row.changes),
    json(row.metadata),
    row.prevHash,
    row.hash,
  ];
  return cells.map(neutraliseCell);
}

/**
 * Starts a CSV export of the events matching `filters`: records the export (with the number of
 * rows it will hold) and returns the CSV as an audited download (see `openDownload`), read a keyset page at a time so
 * memory stays flat. The stream stops at the newest matching event at the time of the export, so
 * the file holds exactly the rows the audit record counts (events never change afterwards).
 */
export async function exportAuditEvents(
  db: Db,
  scope: Scope,
  filters: AuditFilters,
  origin?: RequestOrigin,
): Promise<AsyncGenerator<Uint8Array, void, undefined>> {
  const where = auditEventSqlFilter(scope, filters);
  const actor = auditActor(scope, origin);
  const metadata = { filters: filtersUsed(filters) };
  const { lastId, rows } = await db.$transaction(async (tx) => {
    const [matching] = await tx.$queryRaw<{ rows: number; lastId: bigint | null }[]>`
      select count(*)::int as rows, max(id) as "lastId" from "AuditEvent" where ${where}`;
    const rows = matching?.rows ?? 0;
    await recordAudit(tx, { actor, action: "audit.export", targetType: "AuditEvent", metadata: { ...metadata, rows } });
    return { lastId: matching?.lastId ?? null, rows };
  });
  // Started above, with the count; the download records `audit.export.completed` or `.aborted` after the last byte.
  return openDownload({
    db,
    actor,
    startRecorded: true,
    event: { action: "audit.export", targetType: "AuditEvent", metadata: { ...metadata, rows } },
    body: auditCsv(db, where, lastId),
  });
}

async function* auditCsv(db: Db, where: Prisma.Sql, lastId: bigint | null): DownloadBody {
  yield BOM + csvLines([[...AUDIT_CSV_COLUMNS]]);
  if (lastId === null) return;
  let after = 0n;
  for (;;) {
    const page = await db.$queryRaw<AuditEvent[]>`
      select * from "AuditEvent" where ${where} and id > ${after} and id <= ${lastId} order by id limit ${PAGE_ROWS}`;
    if (page.length > 0) yield csvLines(page.map(auditCsvCells));
    if (page.length < PAGE_ROWS) return;
    after = page[page.length - 1]!.id;
  }
}
