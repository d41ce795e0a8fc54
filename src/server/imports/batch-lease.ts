import type { ImportStatus } from "../../generated/prisma/enums";
import { recordAudit } from "../audit/record";
import type { Db, Tx } from "../db/client";
import { log } from "../log";

/*
 * Who is working on a web import batch. The process that uploads, validates or writes a batch does
 * it inside one transaction holding the batch's advisory lock; PostgreSQL releases that lock when
 * the transaction ends — also when the process is killed and its connection drops. So a batch in
 * an active status whose lock is free was abandoned: it is marked FAILED and can be retried. The
 * heartbeat covers the short gaps between transactions (status set, lock not yet taken).
 */
const BATCH_LOCK_NAMESPACE = 7_411_005;
export const ACTIVE_STATUSES = ["UPLOADING", "VALIDATING", "WRITING"] as const satisfies readonly ImportStatus[];
export const DEFAULT_ABANDONED_AFTER_MS = 15_000;

/** Takes the batch's lease for the rest of the transaction (waits if another transaction has it). */
export async function holdBatchLease(tx: Tx, batchId: number) {
  await tx.$executeRaw`select pg_advisory_xact_lock(${BATCH_LOCK_NAMESPACE}::int4, ${batchId}::int4)`;
}

/** Refreshes the heartbeat (and progress figures) of a batch still in `status`; false if it moved on. */
export async function touchBatch(
  db: Db | Tx,
  batchId: number,
  status: ImportStatus,
  data: { rowsDone?: number; rowsTotal?: number; fileSize?: number } = {},
) {
  const { count } = await db.importBatch.updateMany({ where: { id: batchId, status }, data: { ...data, heartbeatAt: new Date() } });
  return count === 1;
}

/**
 * Marks FAILED every active batch nobody holds the lease of (and whose heartbeat is older than
 * `abandonedAfterMs`). Run when import batches are listed or read, at server and worker start and
 * every minute by workers (abandoned-sweep.ts), so a dead process's batch shows as failed soon
 * after. Returns the ids it failed.
 */
export async function failAbandonedBatches(db: Db, abandonedAfterMs = DEFAULT_ABANDONED_AFTER_MS): Promise<number[]> {
  const candidates = await db.importBatch.findMany({
    where: { status: { in: [...ACTIVE_STATUSES] }, heartbeatAt: { lt: new Date(Date.now() - abandonedAfterMs) } },
    select: { id: true },
  });
  const failed: number[] = [];
  for (const { id } of candidates) {
    const done = await db.$transaction(async (tx) => {
      const [lock] = await tx.$queryRaw<
        { free: boolean }[]
      >`select pg_try_advisory_xact_lock(${BATCH_LOCK_NAMESPACE}::int4, ${id}::int4) as free`;
      if (!lock?.free) return false;
      const reason = "The process working on this import stopped before it finished; nothing from this file was written. Retry it.";
      const batch = await tx.importBatch.updateMany({
        where: { id, status: { in: [...ACTIVE_STATUSES] } },
        data: { status: "FAILED", failureReason: reason, finishedAt: new Date() },
      });
      if (batch.count === 0) return false;
      await recordAudit(tx, {
        actor: { userId: null },
        action: "import.failed",
        targetType: "ImportBatch",
        targetId: id,
        metadata: { reason: "abandoned" },
      });
      return true;
    });
    if (done) failed.push(id);
  }
  if (failed.length > 0) log.warn("abandoned import batches marked failed", { ids: failed });
  return failed;
}
