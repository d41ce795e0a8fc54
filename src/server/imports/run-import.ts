import type { Readable } from "node:stream";
import type { Prisma } from "../../generated/prisma/client";
import { recordImportAlerts } from "../alerts/record";
import { type AuditActor, recordAudit } from "../audit/record";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { storedErrors } from "./report";
import { log } from "../log";
import { holdBatchLease } from "./batch-lease";
import { type ImportCounts, applyImport, planImport } from "./plan";
import type { ImportKind } from "./types";
import { type ImportReport, type ValidateOptions, validateImport } from "./validate";

export type RunImportOptions = ValidateOptions & {
  dryRun?: boolean;
  fileName: string;
  /** A web upload's batch, already WRITING: written under its lease instead of a new batch row. */
  batchId?: number;
  /** The stored file's hash when the engine reads a conversion of it (XLSX → CSV). */
  fileSha256?: string;
};

export type ImportResult = ImportReport &
  ImportCounts & {
    status: "COMPLETED" | "REJECTED";
    dryRun: boolean;
    /** The ImportBatch row; null for dry runs, which write nothing at all. */
    batchId: number | null;
  };

// Imports run one at a time: the plan reads current records, so two imports must not interleave.
export const IMPORT_LOCK_KEY = 7_411_004;
const TRANSACTION_TIMEOUT_MS = 30 * 60_000;
const NO_CHANGES: ImportCounts = { created: 0, updated: 0, unchanged: 0 };

/**
 * A web batch is written by whoever holds its lease (see batch-lease.ts), taken before the import
 * lock so that waiting for another import does not look like a dead process.
 */
async function claimWritingBatch(tx: Tx, batchId: number) {
  await holdBatchLease(tx, batchId);
  const batch = await tx.importBatch.findUnique({ where: { id: batchId }, select: { status: true } });
  if (batch?.status !== "WRITING")
    throw new AppError("CONFLICT", `Import batch ${batchId} is not waiting to be written (status ${batch?.status ?? "missing"})`);
}

/** Carries a dry run's result out of its transaction, which is then rolled back. */
class DryRunFinished extends Error {
  constructor(readonly result: ImportResult) {
    super("dry run finished");
  }
}

async function recordBatch(tx: Tx, actor: AuditActor, options: RunImportOptions, result: ImportResult, batchId?: number) {
  const data = {
    status: result.status,
    rowsTotal: result.rowsTotal,
    rowsDone: result.status === "COMPLETED" ? result.rowsTotal : 0,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    errorCount: result.errorCount,
    errors: storedErrors(result.errors) as Prisma.InputJsonValue | undefined,
    finishedAt: new Date(),
  };
  const batch = batchId
    ? await tx.importBatch.update({ where: { id: batchId }, data })
    : await tx.importBatch.create({ data: { ...data, ...batchIdentity(result, options, actor) } });
  await recordAudit(tx, {
    actor,
    action: result.status === "COMPLETED" ? "import.completed" : "import.rejected",
    targetType: "ImportBatch",
    targetId: batch.id,
    metadata: {
      kind: result.kind,
      fileName: options.fileName,
      fileSha256: result.fileSha256,
      rowsTotal: result.rowsTotal,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      errorCount: result.errorCount,
    },
  });
  return batch.id;
}

function batchIdentity(report: ImportReport, options: RunImportOptions, actor: AuditActor) {
  return {
    kind: report.kind,
    fileName: options.fileName,
    // All zeros when the file was rejected before its end (too large), so it was never hashed whole.
    fileSha256: report.fileSha256.padEnd(64, "0"),
    fileSize: report.fileSize,
    createdById: actor.userId,
  };
}

/**
 * Imports one CSV file, all or nothing, in one transaction: validate (stream → staging table →
 * set-based checks), plan, write, and record the ImportBatch, its ImportChange images and one audit
 * event. A rejected file records only its batch row and audit event. A dry run writes nothing.
 */
export async function runImport(
  db: Db,
  actor: AuditActor,
  kind: ImportKind,
  input: Readable,
  options: RunImportOptions,
): Promise<ImportResult> {
  const dryRun = options.dryRun ?? false;
  try {
    return await db.$transaction(
      async (tx) => {
        if (options.batchId !== undefined) await claimWritingBatch(tx, options.batchId);
        await tx.$executeRaw`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`;
        const validated = await validateImport(db, tx, kind, input, options);
        const { staged } = validated;
        const report = options.fileSha256 ? { ...validated.report, fileSha256: options.fileSha256 } : validated.report;
        if (report.errorCount > 0) {
          const rejected: ImportResult = { ...report, ...NO_CHANGES, status: "REJECTED", dryRun, batchId: null };
          if (dryRun) throw new DryRunFinished(rejected);
          return { ...rejected, batchId: await recordBatch(tx, actor, options, rejected, options.batchId) };
        }
        const counts = await planImport(staged);
        const completed: ImportResult = { ...report, ...counts, status: "COMPLETED", dryRun, batchId: null };
        if (dryRun) throw new DryRunFinished(completed);
        options.onProgress?.({ phase: "writing", rowsRead: report.rowsTotal });
        const batch =
          options.batchId !== undefined
            ? { id: options.batchId }
            : await tx.importBatch.create({
                data: { ...batchIdentity(report, options, actor), status: "WRITING", rowsTotal: report.rowsTotal },
              });
        await applyImport(staged, batch.id, counts);
        await recordImportAlerts(tx, batch.id);
        await recordBatch(tx, actor, options, completed, batch.id);
        log.info("import completed", { kind, batchId: batch.id, rows: report.rowsTotal, ...counts });
        return { ...completed, batchId: batch.id };
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
    );
  } catch (err) {
    if (err instanceof DryRunFinished) return err.result;
    throw err;
  }
}
