import type { Db } from "~/server/db/client";
import { validateBatch } from "~/server/imports/batch-steps";
import type { ImportKind } from "~/server/imports/types";
import { receiveUpload } from "~/server/imports/upload";

type Uploader = { userId: number };

/** Sends `content` as an upload arriving in `pieceSize`-byte network chunks. */
export async function upload(db: Db, user: Uploader, kind: ImportKind, fileName: string, content: string | Buffer, pieceSize = 16_384) {
  const data = typeof content === "string" ? Buffer.from(content) : content;
  async function* body() {
    for (let i = 0; i < data.length; i += pieceSize) yield data.subarray(i, i + pieceSize);
  }
  return receiveUpload(db, { userId: user.userId }, { kind, fileName }, body());
}

/** Upload then the validation step, as the upload route runs it in the background. */
export async function uploadAndValidate(db: Db, user: Uploader, kind: ImportKind, fileName: string, content: string | Buffer) {
  const result = await upload(db, user, kind, fileName, content);
  await validateBatch(db, { userId: user.userId }, result.batchId);
  return result;
}

export async function storedBytes(db: Db, batchId: number): Promise<Buffer> {
  const chunks = await db.importFileChunk.findMany({ where: { batchId }, orderBy: { seq: "asc" } });
  return Buffer.concat(chunks.map((c) => Buffer.from(c.data)));
}
