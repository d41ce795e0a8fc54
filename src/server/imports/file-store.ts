import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { Db, Tx } from "../db/client";
import { ImportFileError } from "./report";
import { describeBytes } from "./read-csv";

/** Stored pieces of 1 MiB: a 50 MB file is 50 rows, and no piece is a burden to hold in memory. */
export const CHUNK_BYTES = 1024 * 1024;

export type StoredFile = { bytes: number; sha256: string };

/**
 * Streams an upload into `ImportFileChunk` rows of `batchId` inside the caller's transaction (so an
 * interrupted upload leaves nothing behind). Hashes and counts as it goes and stops as soon as the
 * file passes `maxBytes`. `onBytes` reports progress after each stored piece.
 */
export async function storeFile(
  tx: Tx,
  batchId: number,
  input: AsyncIterable<Uint8Array>,
  maxBytes: number,
  onBytes?: (bytes: number) => Promise<void>,
): Promise<StoredFile> {
  const hash = createHash("sha256");
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let bytes = 0;
  let seq = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await tx.importFileChunk.create({ data: { batchId, seq: seq++, data } });
    await onBytes?.(bytes);
  };
  for await (const piece of input) {
    const chunk = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    bytes += chunk.length;
    if (bytes > maxBytes)
      throw new ImportFileError([{ line: null, column: null, message: `the file is larger than the limit of ${describeBytes(maxBytes)}` }]);
    hash.update(chunk);
    // Split so each stored piece is exactly CHUNK_BYTES (the last one shorter).
    for (let offset = 0; offset < chunk.length;) {
      const take = Math.min(CHUNK_BYTES - pendingBytes, chunk.length - offset);
      pending.push(chunk.subarray(offset, offset + take));
      pendingBytes += take;
      offset += take;
      if (pendingBytes === CHUNK_BYTES) await flush();
    }
  }
  await flush();
  if (bytes === 0) throw new ImportFileError([{ line: null, column: null, message: "the file is empty" }]);
  return { bytes, sha256: hash.digest("hex") };
}

/**
 * The stored file of a batch as a stream, one piece per query (any connection: the pieces are
 * committed). `onBytes` gets the running total of bytes read.
 */
export function readStoredFile(db: Db | Tx, batchId: number, onBytes?: (bytes: number) => void): Readable {
  return Readable.from(storedFilePieces(db, batchId, onBytes), { objectMode: false });
}

/** The stored pieces of a batch's file in order, one query each (no transaction is held between them). */
export async function* storedFilePieces(
  db: Db | Tx,
  batchId: number,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<Buffer, void, undefined> {
  let bytes = 0;
  for (let seq = 0; ; seq++) {
    const chunk = await db.importFileChunk.findUnique({ where: { batchId_seq: { batchId, seq } }, select: { data: true } });
    if (!chunk) return;
    bytes += chunk.data.length;
    onBytes?.(bytes);
    yield Buffer.from(chunk.data);
  }
}

/** Copies a batch's stored file to another batch (a retry keeps the failed batch's history intact). */
export async function copyStoredFile(tx: Tx, fromBatchId: number, toBatchId: number) {
  await tx.$executeRaw`insert into "ImportFileChunk" ("batchId", "seq", "data") select ${toBatchId}, "seq", "data" from "ImportFileChunk" where "batchId" = ${fromBatchId}`;
}
