import type { OutboxStatus } from "../../generated/prisma/enums";
import { recordAudit, recordAuditNow } from "../audit/record";
import type { Scope } from "../authz/scope";
import type { Db } from "../db/client";
import { AppError } from "../errors";

const actorOf = (scope: Scope) => ({ userId: scope.userId, role: scope.role, sessionId: scope.sessionId ?? null });

export type OutboxSummary = {
  counts: Record<OutboxStatus, number>;
  /** Emails not sent yet (pending or being sent). */
  backlog: number;
  oldestWaitingSince: Date | null;
  nextAttemptAt: Date | null;
  lastSentAt: Date | null;
};

/** What the admin page's header shows: is mail flowing, and how much waits. */
export async function outboxSummary(db: Db): Promise<OutboxSummary> {
  const grouped = await db.outboxEmail.groupBy({ by: ["status"], _count: { _all: true } });
  const counts = { PENDING: 0, SENDING: 0, SENT: 0, FAILED: 0, CANCELLED: 0 } as Record<OutboxStatus, number>;
  for (const g of grouped) counts[g.status] = g._count._all;
  const waiting = { status: { in: ["PENDING", "SENDING"] as OutboxStatus[] } };
  const [oldest, next, last] = await Promise.all([
    db.outboxEmail.findFirst({ where: waiting, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db.outboxEmail.findFirst({ where: { status: "PENDING" }, orderBy: { nextAttemptAt: "asc" }, select: { nextAttemptAt: true } }),
    db.outboxEmail.findFirst({ where: { status: "SENT" }, orderBy: { sentAt: "desc" }, select: { sentAt: true } }),
  ]);
  return {
    counts,
    backlog: counts.PENDING + counts.SENDING,
    oldestWaitingSince: oldest?.createdAt ?? null,
    nextAttemptAt: next?.nextAttemptAt ?? null,
    lastSentAt: last?.sentAt ?? null,
  };
}

export type OutboxListInput = { status?: OutboxStatus; page: number; pageSize: number };

/** Outbox rows without their bodies. Addresses and subjects are personal data: every view is audited. */
export async function listOutbox(db: Db, scope: Scope, input: OutboxListInput) {
  const where = input.status ? { status: input.status } : {};
  const [total, rows] = await Promise.all([
    db.outboxEmail.count({ where }),
    db.outboxEmail.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        messageId: true,
        toAddress: true,
        subject: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        lastError: true,
        smtpResponse: true,
        createdAt: true,
        sentAt: true,
      },
    }),
  ]);
  await recordAuditNow(db, {
    actor: actorOf(scope),
    action: "outbox.view",
    targetType: "OutboxEmail",
    metadata: { status: input.status ?? "ALL", page: input.page, ids: rows.map((r) => String(r.id)) },
  });
  return { total, rows: rows.map((r) => ({ ...r, id: String(r.id) })) };
}

/** Puts permanently failed emails back in the queue (e.g. after fixing a mailbox), audited. */
export async function retryOutboxEmails(db: Db, scope: Scope, input: { ids: string[] }) {
  const ids = [...new Set(input.ids)].map((id) => BigInt(id));
  return db.$transaction(async (tx) => {
    const failed = await tx.outboxEmail.findMany({ where: { id: { in: ids }, status: "FAILED" }, select: { id: true } });
    if (failed.length !== ids.length) {
      const found = new Set(failed.map((f) => String(f.id)));
      const other = ids.map(String).filter((id) => !found.has(id));
      throw new AppError("BAD_REQUEST", `Only failed emails can be retried; not failed or not found: ${other.join(", ")}`);
    }
    // A retry starts a fresh run of attempts: the give-up rule counts attempts.
    await tx.outboxEmail.updateMany({
      where: { id: { in: ids }, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lastError: null },
    });
    await recordAudit(tx, {
      actor: actorOf(scope),
      action: "outbox.retry",
      targetType: "OutboxEmail",
      changes: { status: { before: "FAILED", after: "PENDING" } },
      metadata: { ids: ids.map(String) },
    });
    return { retried: ids.length };
  });
}
