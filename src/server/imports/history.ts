import { stringify } from "csv-stringify/sync";
import type { ImportKind, ImportStatus } from "../../generated/prisma/enums";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { failAbandonedBatches } from "./batch-lease";
import { neutraliseCell } from "./csv-safety";
import type { ImportError } from "./types";

/*
 * The import history and one batch's report. Import batches are national (only nationwide IA roles
 * hold data.import), so there is no state scope here. Reading the history first marks abandoned
 * batches FAILED, so a killed process's batch never shows as still running.
 */

export type HistoryInput = { page: number; pageSize: number; kind?: ImportKind; status?: ImportStatus };
/** Errors shown on the report page; the downloadable CSV has every stored error. */
export const ERRORS_ON_PAGE = 500;

const summary = {
  id: true,
  kind: true,
  fileName: true,
  fileSha256: true,
  fileSize: true,
  status: true,
  rowsTotal: true,
  rowsDone: true,
  created: true,
  updated: true,
  unchanged: true,
  errorCount: true,
  failureReason: true,
  createdById: true,
  startedAt: true,
  finishedAt: true,
  heartbeatAt: true,
  undoneById: true,
  undoneAt: true,
} as const;

async function userNames(db: Db, ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

export async function listImports(db: Db, input: HistoryInput) {
  await failAbandonedBatches(db);
  const where = { kind: input.kind, status: input.status };
  const [total, rows] = await Promise.all([
    db.importBatch.count({ where }),
    db.importBatch.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: summary,
    }),
  ]);
  const names = await userNames(
    db,
    rows.flatMap((r) => [r.createdById, r.undoneById]),
  );
  return {
    total,
    rows: rows.map((r) => ({
      ...r,
      createdBy: r.createdById === null ? null : (names.get(r.createdById) ?? null),
      undoneBy: r.undoneById === null ? null : (names.get(r.undoneById) ?? null),
    })),
  };
}

/** One batch with its progress and the first errors of its report. */
export async function getImport(db: Db, id: number) {
  await failAbandonedBatches(db);
  const batch = await db.importBatch.findUnique({
    where: { id },
    select: { ...summary, errors: true, _count: { select: { fileChunks: true } } },
  });
  if (!batch) throw notFound("Import batch");
  const { errors, _count, ...rest } = batch;
  const names = await userNames(db, [batch.createdById, batch.undoneById]);
  const stored = (Array.isArray(errors) ? errors : []) as ImportError[];
  return {
    ...rest,
    createdBy: batch.createdById === null ? null : (names.get(batch.createdById) ?? null),
    undoneBy: batch.undoneById === null ? null : (names.get(batch.undoneById) ?? null),
    hasFile: _count.fileChunks > 0,
    errors: stored.slice(0, ERRORS_ON_PAGE),
    errorsStored: stored.length,
  };
}

/**
 * The report's errors as CSV (line, column, reason), formula-safe. When more errors were found than
 * kept, a last row says how many are not listed.
 */
export async function importErrorsCsv(db: Db, id: number): Promise<{ fileName: string; csv: string }> {
  const batch = await db.importBatch.findUnique({ where: { id }, select: { fileName: true, errors: true, errorCount: true } });
  if (!batch) throw notFound("Import batch");
  const errors = (Array.isArray(batch.errors) ? batch.errors : []) as ImportError[];
  const rows = errors.map((e) => [e.line === null ? "" : String(e.line), e.column ?? "", e.message]);
  if (batch.errorCount > errors.length)
    rows.push([
      "",
      "",
      `… and ${(batch.errorCount - errors.length).toLocaleString("en-US")} more errors (only the first ${errors.length.toLocaleString("en-US")} are kept)`,
    ]);
  const csv = stringify([["line", "column", "reason"], ...rows.map((r) => r.map(neutraliseCell))], { record_delimiter: "unix" });
  return { fileName: `${batch.fileName.replace(/\.(csv|xlsx)$/i, "")}-errors.csv`, csv };
}
