import { createHash } from "node:crypto";
import { type AuditEvent, Prisma } from "../../generated/prisma/client";
import type { AuditOutcome, Role } from "../../generated/prisma/enums";
import type { Tx } from "../db/client";
import type { AuditAction, AuditTargetType, DownloadEndAction } from "./actions";
import { type JsonValue, canonicalJson, canonicalJsonAround, storableJson, storableText } from "./canonical";

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
  /** A refused request is recorded under its procedure path (`recordDeniedRequest`). */
  action: AuditAction | DownloadEndAction | { deniedProcedure: string };
  outcome?: AuditOutcome;
  targetType?: AuditTargetType;
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

/** Where an event is written: a transaction (`recordAudit`) or the client itself (`recordAuditNow`). */
type AuditWriter = Pick<Tx, "$queryRaw">;

// The event's instant and its ISO form as JavaScript's toISOString writes it (what audit:verify hashes).
const ISO_INSTANT = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * Appends one event in ONE statement: `audit_chain_head` takes the chain lock and reads the head, and the
 * hash is computed by PostgreSQL from the canonical JSON prepared here around the one member only the
 * database knows (the time, stamped by its clock under the lock so instances with drifting clocks still
 * write in order). No round trip back to this process happens while the lock is held, so in a
 * transaction the lock lasts until its COMMIT and outside one it never leaves the database.
 * Only READ COMMITTED: a REPEATABLE READ or SERIALIZABLE snapshot taken before another writer committed
 * cannot see the new head, so such a caller gets AuditIsolationError and nothing is written. The unique
 * prevHash backs this up in SQL.
 */
async function appendAuditEvent(writer: AuditWriter, input: AuditInput): Promise<void> {
  const fields: Omit<ChainedFields, "occurredAt"> = {
    actorId: input.actor.userId,
    actorEmail: text(input.actor.email),
    role: input.actor.role ?? null,
    action: storableText(typeof input.action === "string" ? input.action : input.action.deniedProcedure),
    targetType: text(input.targetType),
    targetId: input.targetId === undefined ? null : storableText(String(input.targetId)),
    stateCode: input.stateCode ?? null,
    outcome: input.outcome ?? "ALLOWED",
    ip: text(input.actor.ip, MAX_HEADER_CHARS),
    userAgent: text(input.actor.userAgent, MAX_HEADER_CHARS),
    sessionId: text(input.actor.sessionId),
    changes: json(input.changes),
    metadata: json(input.metadata),
  };
  const { before, after } = canonicalJsonAround(fields, "occurredAt");
  // A JSON `null` and SQL NULL read back the same (null), so absent and null hash alike.
  const jsonb = (value: unknown) => (value === null ? null : JSON.stringify(value));
  const written = await writer.$queryRaw<{ id: bigint }[]>`
    with head as materialized (
      select isolation, coalesce(head, ${GENESIS_HASH}) as prev, timestamptz 'epoch' + now_ms * interval '1 millisecond' as at
      from "audit_chain_head"(${AUDIT_CHAIN_LOCK_KEY}::bigint)
    )
    insert into "AuditEvent" ("occurredAt", "actorId", "actorEmail", role, action, "targetType", "targetId", "stateCode",
                              outcome, ip, "userAgent", "sessionId", changes, metadata, "prevHash", hash)
    select at, ${fields.actorId}::int, ${fields.actorEmail}::text, ${fields.role}::text::"Role", ${fields.action}::text,
           ${fields.targetType}::text, ${fields.targetId}::text, ${fields.stateCode}::text, ${fields.outcome}::text::"AuditOutcome",
           ${fields.ip}::text, ${fields.userAgent}::text, ${fields.sessionId}::text, ${jsonb(fields.changes)}::jsonb,
           ${jsonb(fields.metadata)}::jsonb, prev,
           encode(sha256(convert_to(prev || chr(10) || ${before}::text || to_json(to_char(at at time zone 'UTC', ${Prisma.raw(ISO_INSTANT)}))::text || ${after}::text, 'UTF8')), 'hex')
    from head where isolation = 'read committed'
    returning id`;
  if (written.length === 0) {
    const [row] = await writer.$queryRaw<{ isolation: string }[]>`select current_setting('transaction_isolation') as isolation`;
    throw new AuditIsolationError(row?.isolation ?? "unknown");
  }
}

/**
 * Appends one audit event inside the caller's transaction: if the change rolls back, so does its
 * audit row, and if the audit write fails, the change fails. READ COMMITTED only (Prisma's default).
 */
export function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  return appendAuditEvent(tx, input);
}

/**
 * Records a standalone event (a view, a denied request, a sign-in) as its own statement. A view is
 * recorded after its read and before it is returned, so nothing is shown without its record.
 */
export function recordAuditNow(db: AuditWriter, input: AuditInput): Promise<void> {
  return appendAuditEvent(db, input);
}
