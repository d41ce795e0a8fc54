import type { AuditEvent } from "../../generated/prisma/client";
import type { DbOrTx } from "../db/client";
import { GENESIS_HASH, auditHash, chainedFieldsOf } from "./record";

export type ChainBreak = {
  /** The first row that does not check out. */
  id: bigint;
  /**
   * `hash`: the row's contents no longer produce its stored hash (it was edited).
   * `prevHash`: the row does not follow the row before it (rows before it were deleted, inserted
   * or rewritten together with their hashes).
   */
  field: "hash" | "prevHash";
  expected: string;
  stored: string;
  /** The row the chain was followed from, or null at the start of the table. */
  previousId: bigint | null;
};

/** A row and hash an operator recorded outside the database, to catch truncation or a rewrite. */
export type ChainAnchor = { id: bigint; hash: string };

export type ChainReport =
  | { intact: true; count: number; head: { id: bigint; hash: string } | null }
  | { intact: false; count: number; broken: ChainBreak }
  | { intact: false; count: number; anchor: ChainAnchor; anchorProblem: "missing" | "different"; storedHash: string | null };

export type VerifyOptions = { pageSize?: number; anchor?: ChainAnchor };

/**
 * Re-walks the whole audit chain in id order, a keyset page at a time (memory stays bounded by the
 * page size whatever the table's size), and stops at the first row that does not check out.
 * `count` is the number of rows checked and found good.
 */
export async function verifyAuditChain(db: DbOrTx, options: VerifyOptions = {}): Promise<ChainReport> {
  const pageSize = options.pageSize ?? 1000;
  let expectedPrev = GENESIS_HASH;
  let previousId: bigint | null = null;
  let count = 0;
  let anchorHash: string | null = null;
  for (;;) {
    const page: AuditEvent[] = await db.auditEvent.findMany({
      where: previousId === null ? {} : { id: { gt: previousId } },
      orderBy: { id: "asc" },
      take: pageSize,
    });
    for (const row of page) {
      if (row.prevHash !== expectedPrev) {
        return {
          intact: false,
          count,
          broken: { id: row.id, field: "prevHash", expected: expectedPrev, stored: row.prevHash, previousId },
        };
      }
      const recomputed = auditHash(row.prevHash, chainedFieldsOf(row));
      if (recomputed !== row.hash) {
        return { intact: false, count, broken: { id: row.id, field: "hash", expected: recomputed, stored: row.hash, previousId } };
      }
      if (options.anchor && row.id === options.anchor.id) anchorHash = row.hash;
      expectedPrev = row.hash;
      previousId = row.id;
      count += 1;
    }
    if (page.length < pageSize) break;
  }
  const { anchor } = options;
  if (anchor && anchorHash !== anchor.hash) {
    return { intact: false, count, anchor, anchorProblem: anchorHash === null ? "missing" : "different", storedHash: anchorHash };
  }
  return { intact: true, count, head: previousId === null ? null : { id: previousId, hash: expectedPrev } };
}
