import type { Prisma } from "../../generated/prisma/client";
import { type AuditActor, recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { holdBatchLease, touchBatch } from "./batch-lease";
import { LONG_TRANSACTION, failBatch, fileFormatOf } from "./batch-steps";
import { storeFile } from "./file-store";
import { DEFAULT_LIMITS } from "./read-csv";
import { ImportFileError } from "./report";
import type { ImportKind } from "./types";

export type UploadInput = { kind: ImportKind; fileName: string };
export type UploadResult = { batchId: number; status: "VALIDATING" | "REJECTED" };

const MAX_FILE_NAME = 200;
const NO_HASH = "0".repeat(64);

/** The name as stored and shown: no folders, no control characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).at(-1) ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
}

export function checkUploadInput(input: UploadInput): UploadInput {
  const fileName = cleanFileName(input.fileName);
  if (!fileName || fileName.length > MAX_FILE_NAME)
    throw new AppError("BAD_REQUEST", `The file name must have 1–${MAX_FILE_NAME} characters`);
  if (!fileFormatOf(fileName)) throw new AppError("BAD_REQUEST", "Only .csv (UTF-8) and .xlsx files can be imported");
  return { kind: input.kind, fileName };
}

/**
 * Receives an upload as a stream straight into PostgreSQL (never the whole file in memory): a batch
 * row first, so the history shows the upload while it runs, then the file's pieces in one
 * transaction under the batch's lease — a dropped connection or a killed server leaves no partial
 * file. A file over the limit or empty ends REJECTED; an interrupted upload FAILED. On success the
 * batch is VALIDATING; the caller starts `validateBatch`.
 */
export async function receiveUpload(
  db: Db,
  actor: AuditActor & { userId: number },
  raw: UploadInput,
  body: AsyncIterable<Uint8Array>,
  maxBytes = DEFAULT_LIMITS.maxBytes,
): Promise<UploadResult> {
  const { kind, fileName } = checkUploadInput(raw);
  const batch = await db.importBatch.create({
    data: { kind, fileName, fileSha256: NO_HASH, fileSize: 0, status: "UPLOADING", createdById: actor.userId },
  });
  try {
    await db.$transaction(async (tx) => {
      await holdBatchLease(tx, batch.id);
      const stored = await storeFile(tx, batch.id, body, maxBytes, async (bytes) => {
        await touchBatch(db, batch.id, "UPLOADING", { fileSize: bytes });
      });
      await tx.importBatch.update({
        where: { id: batch.id },
        data: { status: "VALIDATING", fileSha256: stored.sha256, fileSize: stored.bytes, heartbeatAt: new Date() },
      });
      await recordAudit(tx, {
        actor,
        action: "import.uploaded",
        targetType: "ImportBatch",
        targetId: batch.id,
        metadata: { kind, fileName, fileSha256: stored.sha256, fileSize: stored.bytes },
      });
    }, LONG_TRANSACTION);
    return { batchId: batch.id, status: "VALIDATING" };
  } catch (err) {
    if (!(err instanceof ImportFileError)) {
      await failBatch(
        db,
        actor,
        batch.id,
        "UPLOADING",
        "The upload was interrupted before the whole file arrived; nothing was kept. Upload the file again.",
      );
      throw err;
    }
    await db.$transaction(async (tx) => {
      await tx.importBatch.update({
        where: { id: batch.id },
        data: { status: "REJECTED", errorCount: err.errors.length, errors: err.errors, finishedAt: new Date() },
      });
      await recordAudit(tx, {
        actor,
        action: "import.rejected",
        targetType: "ImportBatch",
        targetId: batch.id,
        metadata: { kind, fileName, errorCount: err.errors.length },
      });
    });
    return { batchId: batch.id, status: "REJECTED" };
  }
}
