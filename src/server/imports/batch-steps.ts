import type { Readable } from "node:stream";
import type { ImportStatus } from "../../generated/prisma/enums";
import { type AuditActor, recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { log } from "../log";
import { holdBatchLease, touchBatch } from "./batch-lease";
import { readStoredFile } from "./file-store";
import { planImport } from "./plan";
import { type CsvLimits, DEFAULT_LIMITS } from "./read-csv";
import { storedErrors } from "./report";
import { runImport } from "./run-import";
import type { ImportKind } from "./types";
import { validateImport } from "./validate";
import { xlsxAsCsv } from "./xlsx";

/*
 * The background steps of a web import batch: validate (report, nothing written) and write (the
 * engine's all-or-nothing import, run again from the stored file under the import lock, so what is
 * written is checked against the data as it is at that moment). Each runs in one transaction that
 * holds the batch's lease; progress goes to the batch row through other connections.
 */

export type FileFormat = "csv" | "xlsx";
export const LONG_TRANSACTION = { timeout: 30 * 60_000, maxWait: 30 * 60_000 };
const PROGRESS_EVERY_MS = 500;

export function fileFormatOf(fileName: string): FileFormat | null {
  const lower = fileName.toLowerCase();
  return lower.endsWith(".csv") ? "csv" : lower.endsWith(".xlsx") ? "xlsx" : null;
}

type BatchFile = { id: number; kind: ImportKind; fileName: string; fileSize: number; fileSha256: string };

/**
 * Writes progress at most every PROGRESS_EVERY_MS, one update at a time, only while the batch is
 * still in `status` (a late update can never undo the step's final figures).
 */
function progressReporter(db: Db, batchId: number, status: ImportStatus, fileSize: number) {
  let last = 0;
  let bytesRead = 0;
  let pending: Promise<unknown> = Promise.resolve();
  return {
    bytes: (n: number) => {
      bytesRead = n;
    },
    rows: (rowsDone: number, knownTotal?: number) => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      // Until the file is read to its end the total is estimated from the bytes read so far.
      const rowsTotal = knownTotal ?? (bytesRead > 0 ? Math.max(rowsDone, Math.round((rowsDone * fileSize) / bytesRead)) : undefined);
      pending = pending
        .then(() => touchBatch(db, batchId, status, { rowsDone, rowsTotal }))
        .catch((err: unknown) => log.warn("import progress not saved", { batchId, err: String(err) }));
    },
    settle: () => pending,
  };
}

/** The stored file as CSV text for the engine, with the limits that apply to its format. */
function engineInput(db: Db, batch: BatchFile, onBytes: (n: number) => void): { input: Readable; limits: Partial<CsvLimits> } {
  const stored = readStoredFile(db, batch.id, onBytes);
  // An XLSX file's size was checked at upload; the CSV made from it may be larger than the file.
  return fileFormatOf(batch.fileName) === "xlsx"
    ? { input: xlsxAsCsv(stored), limits: { maxBytes: Number.MAX_SAFE_INTEGER } }
    : { input: stored, limits: DEFAULT_LIMITS };
}

/** Ends a batch that could not go on, with the reason shown in the history; audited. */
export async function failBatch(db: Db, actor: AuditActor, batchId: number, from: ImportStatus, reason: string) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.importBatch.updateMany({
      where: { id: batchId, status: from },
      data: { status: "FAILED", failureReason: reason, finishedAt: new Date() },
    });
    if (count === 1)
      await recordAudit(tx, { actor, action: "import.failed", targetType: "ImportBatch", targetId: batchId, metadata: { from, reason } });
  });
}

function failureReason(err: unknown): string {
  if (err instanceof AppError) return err.message;
  log.error("import batch failed", { err: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  return "An unexpected error stopped this import; nothing from this file was written. Retry it.";
}

async function batchFile(db: Db, batchId: number): Promise<BatchFile> {
  const batch = await db.importBatch.findUnique({
    where: { id: batchId },
    select: { id: true, kind: true, fileName: true, fileSize: true, fileSha256: true },
  });
  if (!batch) throw new AppError("NOT_FOUND", "Import batch not found");
  return batch;
}

/**
 * Validates a VALIDATING batch from its stored file: every error, or the counts of new / updated /
 * unchanged records; nothing is written. Ends VALIDATED or REJECTED (or FAILED), audited.
 */
export async function validateBatch(db: Db, actor: AuditActor, batchId: number): Promise<void> {
  const batch = await batchFile(db, batchId);
  const progress = progressReporter(db, batchId, "VALIDATING", batch.fileSize);
  try {
    await db.$transaction(async (tx) => {
      await holdBatchLease(tx, batchId);
      const current = await tx.importBatch.findUnique({ where: { id: batchId }, select: { status: true } });
      if (current?.status !== "VALIDATING") return; // another process got here first
      const { input, limits } = engineInput(db, batch, progress.bytes);
      const { report, staged } = await validateImport(db, tx, batch.kind, input, { limits, onProgress: (p) => progress.rows(p.rowsRead) });
      const rejected = report.errorCount > 0;
      const counts = rejected ? { created: 0, updated: 0, unchanged: 0 } : await planImport(staged);
      await progress.settle();
      await tx.importBatch.update({
        where: { id: batchId },
        data: {
          status: rejected ? "REJECTED" : "VALIDATED",
          rowsTotal: report.rowsTotal,
          rowsDone: report.rowsTotal,
          ...counts,
          errorCount: report.errorCount,
          errors: storedErrors(report.errors),
          finishedAt: rejected ? new Date() : null,
          heartbeatAt: new Date(),
        },
      });
      await recordAudit(tx, {
        actor,
        action: rejected ? "import.rejected" : "import.validated",
        targetType: "ImportBatch",
        targetId: batchId,
        metadata: {
          kind: batch.kind,
          fileName: batch.fileName,
          fileSha256: batch.fileSha256,
          rowsTotal: report.rowsTotal,
          errorCount: report.errorCount,
          ...counts,
        },
      });
    }, LONG_TRANSACTION);
  } catch (err) {
    await progress.settle();
    await failBatch(db, actor, batchId, "VALIDATING", failureReason(err));
  }
}

/**
 * Writes a confirmed (WRITING) batch with the engine, all or nothing. Ends COMPLETED, REJECTED (the
 * data changed since validation so that rows are now invalid) or FAILED (e.g. a concurrent change).
 */
export async function writeBatch(db: Db, actor: AuditActor, batchId: number): Promise<void> {
  const batch = await batchFile(db, batchId);
  const { rowsTotal } = await db.importBatch.findUniqueOrThrow({ where: { id: batchId }, select: { rowsTotal: true } });
  const progress = progressReporter(db, batchId, "WRITING", batch.fileSize);
  try {
    const { input, limits } = engineInput(db, batch, progress.bytes);
    await runImport(db, actor, batch.kind, input, {
      batchId,
      fileName: batch.fileName,
      fileSha256: batch.fileSha256,
      limits,
      onProgress: (p) => progress.rows(p.rowsRead, rowsTotal),
    });
    await progress.settle();
  } catch (err) {
    await progress.settle();
    await failBatch(db, actor, batchId, "WRITING", failureReason(err));
  }
}
