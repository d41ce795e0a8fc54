import { createHash } from "node:crypto";
import type { AuditEvent, Prisma } from "../../generated/prisma/client";
import type { AuditOutcome, Role } from "../../generated/prisma/enums";
import type { Tx } from "../db/client";
import { type JsonValue, canonicalJson, storableJson, storableText } from "./canonical";

export { canonicalJson } from "./canonical";

/** Who did it and from where; absent for system jobs and operator CLI commands. */
export type AuditActor = {
  userId: number | null;
  email?: string | null;
  role?: Role | null;
  ip?: string | null;
  userAgent?: string | null;
  sessionId?: string | null;
};

/** `{ field: { before, after } }`; build it with `diffForAudit`, which masks personal data. */
export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

export type AuditInput = {
  actor: AuditActor;
  action: string;
  outcome?: AuditOutcome;
  targetType?: string;
  targetId?: string | number | bigint;
  /** The state of the record concerned, so state-level reviews of the trail can filter on it. */
  stateCode?: string | null;
  changes?: AuditChanges;
  metadata?: Record<string, unknown>;
};

// Serialises audit writers so the hash chain never forks (transaction-scoped advisory lock).
export const AUDIT_CHAIN_LOCK_KEY = 7_411_001;
export const GENESIS_HASH = "0".repeat(64);

// Headers are attacker-controlled: keep them to a size worth reading.
const MAX_HEADER_CHARS = 512;

/** Exactly the columns the hash covers, in their stored form. */
export type ChainedFields = {
  occurredAt: Date;
  actorId: number | null;
  actorEmail: string | null;
  role: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  stateCode: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  sessionId: string | null;
  changes: unknown;
  metadata: unknown;
};

export function auditHash(prevHash: string, fields: ChainedFields): string {
  return createHash("sha256")
    .update(prevHash)
    .update("\n")
    .update(canonicalJson({ ...fields, occurredAt: fields.occurredAt.toISOString() }))
    .digest("hex");
}

/** The hashed fields of a stored row (what `audit:verify` recomputes). */
export function chainedFieldsOf(row: AuditEvent): ChainedFields {
  return {
    occurredAt: row.occurredAt,
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    role: row.role,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    stateCode: row.stateCode,
    outcome: row.outcome,
    ip: row.ip,
    userAgent: row.userAgent,
    sessionId: row.sessionId,
    changes: row.changes,
    metadata: row.metadata,
  };
}

const text = (value: string | null | undefined, max?: number) =>
  value === null || value === undefined ? null : storableText(max === undefined ? value : value.slice(0, max));
const json = (value: unknown): JsonValue | null => (value === undefined ? null : storableJson(value));

export class AuditIsolationError extends Error {
  constructor(isolation: string) {
    super(
      `recordAudit needs a READ COMMITTED transaction, but this one is ${isolation}: its snapshot can ` +
        "predate the newest audit event, so it cannot see the chain head. Run the change at READ COMMITTED " +
        "(Prisma's default), or for a long read-only view record it with recordAuditNow before reading.",
    );
    this.name = "AuditIsolationError";
  }
}

/**
 * Appends one audit event inside the caller's transaction: if the change rolls back, so does its
 * audit row, and if the audit write fails, the change fails. Only in READ COMMITTED transactions
 * (Prisma's default): a REPEATABLE READ or SERIALIZABLE snapshot taken before another writer
 * committed cannot see the new head, so those are refused up front (AuditIsolationError) instead
 * of failing only when writers happen to overlap. The unique prevHash backs this up in SQL.
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  // Lock, then head, in one statement (migration audit_chain_head), so the lock is held one round trip
  // less. The database clock stamps events, so instances with drifting clocks still write them in order.
  const [head] = await tx.$queryRaw<{ isolation: string; hash: string | null; nowMs: bigint }[]>`
    select isolation, head as "hash", now_ms as "nowMs" from "audit_chain_head"(${AUDIT_CHAIN_LOCK_KEY}::bigint)`;
  if (head?.isolation !== "read committed") throw new AuditIsolationError(head?.isolation ?? "unknown");
  const prevHash = head?.hash ?? GENESIS_HASH;
  const fields = {
    occurredAt: new Date(Number(head?.nowMs ?? Date.now())),
    actorId: input.actor.userId,
    actorEmail: text(input.actor.email),
    role: input.actor.role ?? null,
    action: storableText(input.action),
    targetType: text(input.targetType),
    targetId: input.targetId === undefined ? null : storableText(String(input.targetId)),
    stateCode: input.stateCode ?? null,
    outcome: input.outcome ?? "ALLOWED",
    ip: text(input.actor.ip, MAX_HEADER_CHARS),
    userAgent: text(input.actor.userAgent, MAX_HEADER_CHARS),
    sessionId: text(input.actor.sessionId),
    changes: json(input.changes),
    metadata: json(input.metadata),
  } satisfies ChainedFields;
  await tx.auditEvent.create({
    data: {
      ...fields,
      // A JSON `null` and SQL NULL read back the same (null), so absent and null hash alike.
      changes: (fields.changes ?? undefined) as Prisma.InputJsonValue | undefined,
      metadata: (fields.metadata ?? undefined) as Prisma.InputJsonValue | undefined,
      prevHash,
      hash: auditHash(prevHash, fields),
    },
  });
}

/** Records a standalone event (a view, a denied request, a sign-in) in its own transaction. */
export async function recordAuditNow(db: { $transaction: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T> }, input: AuditInput) {
  await db.$transaction((tx) => recordAudit(tx, input));
}
