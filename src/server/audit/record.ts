import { createHash } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client";
import type { AuditOutcome, Role } from "../../generated/prisma/enums";
import type { Tx } from "../db/client";

/** Who did it and from where; absent for system jobs and operator CLI commands. */
export type AuditActor = {
  userId: number | null;
  email?: string | null;
  role?: Role | null;
  ip?: string | null;
  userAgent?: string | null;
  sessionId?: string | null;
};

export type AuditInput = {
  actor: AuditActor;
  action: string;
  outcome?: AuditOutcome;
  targetType?: string;
  targetId?: string | number;
  stateCode?: string | null;
  /** For changes: `{ field: { before, after } }`, personal data already masked by the caller. */
  changes?: Record<string, { before: unknown; after: unknown }>;
  metadata?: Record<string, unknown>;
};

// Serialises audit writers so the hash chain never forks (transaction-scoped advisory lock).
export const AUDIT_CHAIN_LOCK_KEY = 7_411_001;
export const GENESIS_HASH = "0".repeat(64);

/** Canonical JSON: keys sorted at every depth, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

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

/**
 * Appends one audit event inside the caller's transaction: if the change rolls back, so does its
 * audit row, and if the audit write fails, the change fails.
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: ChainedFields = {
    occurredAt: new Date(),
    actorId: input.actor.userId,
    actorEmail: input.actor.email ?? null,
    role: input.actor.role ?? null,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId === undefined ? null : String(input.targetId),
    stateCode: input.stateCode ?? null,
    outcome: input.outcome ?? "ALLOWED",
    ip: input.actor.ip ?? null,
    userAgent: input.actor.userAgent ?? null,
    sessionId: input.actor.sessionId ?? null,
    changes: input.changes ?? null,
    metadata: input.metadata ?? null,
  };
  await tx.auditEvent.create({
    data: {
      ...fields,
      role: input.actor.role ?? null,
      outcome: input.outcome ?? "ALLOWED",
      changes: (input.changes ?? undefined) as Prisma.InputJsonValue | undefined,
      metadata: (input.metadata ?? undefined) as Prisma.InputJsonValue | undefined,
      prevHash,
      hash: auditHash(prevHash, fields),
    },
  });
}

/** Records a standalone event (a view, a denied request, a sign-in) in its own transaction. */
export async function recordAuditNow(db: { $transaction: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T> }, input: AuditInput) {
  await db.$transaction((tx) => recordAudit(tx, input));
}
