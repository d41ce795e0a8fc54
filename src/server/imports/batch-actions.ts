import type { ImportStatus } from "../../generated/prisma/enums";
import { type AuditActor, recordAudit } from "../audit/record";
import type { Db, Tx } from "../db/client";
import { AppError, notFound } from "../errors";
import { log } from "../log";
import { copyStoredFile } from "./file-store";

/*
 * What a user does to a web import batch after reading its validation report. Each action is a
 * compare-and-set on the status (two clicks, two tabs or two users: exactly one wins) plus its
 * audit event, in one transaction.
 */

/** Moves batch `id` from `from` to `to`, or explains why it cannot. */
async function transition(
  tx: Tx,
  id: number,
  from: ImportStatus[],
  data: { status: ImportStatus; [field: string]: unknown },
  verb: string,
) {
  const { count } = await tx.importBatch.updateMany({ where: { id, status: { in: from } }, data });
  if (count === 1) return;
  const batch = await tx.importBatch.findUnique({ where: { id }, select: { status: true } });
  if (!batch) throw notFound("Import batch");
  throw new AppError("CONFLICT", `Import batch ${id} cannot be ${verb}: its status is ${batch.status}`);
}

/** The user confirms a VALIDATED batch: it becomes WRITING; the caller starts `writeBatch`. */
export async function confirmImport(db: Db, actor: AuditActor, id: number) {
  await db.$transaction(async (tx) => {
    await transition(tx, id, ["VALIDATED"], { status: "WRITING", rowsDone: 0, heartbeatAt: new Date() }, "confirmed");
    await recordAudit(tx, { actor, action: "import.confirmed", targetType: "ImportBatch", targetId: id });
  });
}

/** The user cancels a VALIDATED batch: nothing is written; the file stays in the history. */
export async function cancelImport(db: Db, actor: AuditActor, id: number) {
  await db.$transaction(async (tx) => {
    await transition(tx, id, ["VALIDATED"], { status: "CANCELLED", finishedAt: new Date() }, "cancelled");
    await recordAudit(tx, { actor, action: "import.cancelled", targetType: "ImportBatch", targetId: id });
  });
}

/**
 * Retries a FAILED or CANCELLED batch as a new batch with the same stored file (the old one stays
 * in the history as it ended). Returns the new batch, VALIDATING; the caller starts `validateBatch`.
 */
export async function retryImport(db: Db, actor: AuditActor & { userId: number }, id: number): Promise<number> {
  return db.$transaction(async (tx) => {
    const old = await tx.importBatch.findUnique({ where: { id }, include: { _count: { select: { fileChunks: true } } } });
    if (!old) throw notFound("Import batch");
    if (old.status !== "FAILED" && old.status !== "CANCELLED")
      throw new AppError("CONFLICT", `Only a failed or cancelled import can be retried; batch ${id} is ${old.status}`);
    if (old._count.fileChunks === 0)
      throw new AppError("CONFLICT", `The file of batch ${id} never fully arrived, so there is nothing to retry; upload it again`);
    const batch = await tx.importBatch.create({
      data: {
        kind: old.kind,
        fileName: old.fileName,
        fileSha256: old.fileSha256,
        fileSize: old.fileSize,
        status: "VALIDATING",
        createdById: actor.userId,
      },
    });
    await copyStoredFile(tx, id, batch.id);
    await recordAudit(tx, { actor, action: "import.retried", targetType: "ImportBatch", targetId: batch.id, metadata: { retryOf: id } });
    return batch.id;
  });
}

/**
 * Runs a batch step after the request that asked for it has been answered. If this process dies
 * the batch's lease is released and the batch is marked FAILED when next seen (batch-lease.ts).
 */
export function inBackground(what: string, step: () => Promise<void>) {
  void step().catch((err: unknown) =>
    log.error(`import ${what} crashed`, { err: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
}
