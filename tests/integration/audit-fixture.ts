import type { Role } from "~/generated/prisma/enums";
import { type ChainedFields, GENESIS_HASH, auditHash } from "~/server/audit/record";
import type { Db } from "~/server/db/client";

/** Appends an event stamped at a chosen instant, chained exactly as recordAudit chains events. */
export async function appendAt(db: Db, at: string, fields: Partial<ChainedFields> & { action: string }) {
  const last = await db.auditEvent.findFirst({ orderBy: { id: "desc" } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row: ChainedFields = {
    occurredAt: new Date(at),
    actorId: null,
    actorEmail: null,
    role: null,
    targetType: null,
    targetId: null,
    stateCode: null,
    outcome: "ALLOWED",
    ip: null,
    userAgent: null,
    sessionId: null,
    changes: null,
    metadata: null,
    ...fields,
  };
  const { changes, metadata, role, outcome, ...rest } = row;
  await db.auditEvent.create({
    data: {
      ...rest,
      role: role as Role | null,
      outcome: outcome as "ALLOWED" | "DENIED",
      changes: changes ?? undefined,
      metadata: metadata ?? undefined,
      prevHash,
      hash: auditHash(prevHash, row),
    },
  });
}
