import { Prisma } from "../../generated/prisma/client";
import type { Tx } from "../db/client";
import { ensureDefaultSubscriptions } from "./defaults";
import { evaluationFailed, insertEvents, levelRises, recommendationsAwaiting, seriousAbuseSustained } from "./detect";
import { dispatchEvents } from "./dispatch";
import type { AlertEventRow } from "./events";
import { FEDERAL_TIME_ZONE, localDay } from "./periods";

/*
 * Alerts raised by a change, inside the transaction that makes the change: the AlertEvent rows and,
 * for "immediately" subscribers, their outbox rows. They exist exactly when the change committed:
 * a change that rolls back leaves no event and no email, a committed one has its emails in the
 * outbox at commit, before any worker runs. Digests pick the events up later by time window.
 * Callers: the evaluation persist (level rose, recommendations it opened), the import write and
 * undo and a complaint's status change in the app (serious-abuse complaints sustained), the
 * scheduled evaluation's failure record.
 */

export type AlertsRaised = { events: number; emails: number };

async function raise(tx: Tx, statements: Prisma.Sql[], now: Date): Promise<AlertsRaised> {
  const events: AlertEventRow[] = [];
  for (const statement of statements) events.push(...(await insertEvents(tx, statement)));
  if (events.length === 0) return { events: 0, emails: 0 };
  // Users who never opened their alert settings receive their role's defaults from the start.
  await ensureDefaultSubscriptions(tx);
  return { events: events.length, emails: await dispatchEvents(tx, events, now) };
}

/** A persisted (non-backtest) run: the levels that rose and the recommendations it opened. */
export function recordEvaluationAlerts(tx: Tx, runId: number, now = new Date()): Promise<AlertsRaised> {
  return raise(
    tx,
    [levelRises(now, Prisma.sql`r.id = ${runId}`), recommendationsAwaiting(now, Prisma.sql`rc."evaluationRunId" = ${runId}`)],
    now,
  );
}

/**
 * Complaints an import batch wrote (or its undo put back) that are now sustained serious abuse.
 * Other kinds of batch raise nothing and cost one lookup.
 */
export async function recordImportAlerts(tx: Tx, batchId: number, now = new Date()): Promise<AlertsRaised> {
  const [batch] = await tx.$queryRaw<{ kind: string }[]>`select "kind"::text as "kind" from "ImportBatch" where id = ${batchId}`;
  if (batch?.kind !== "complaints") return { events: 0, emails: 0 };
  const touched = Prisma.sql`c.id in (select (ic."after"->>'id')::int from "ImportChange" ic
    where ic."batchId" = ${batchId} and ic."entity" = 'Complaint')`;
  return raise(tx, [seriousAbuseSustained(now, localDay(now, FEDERAL_TIME_ZONE), touched)], now);
}

/**
 * A complaint whose status was changed in the app: raised when it is now sustained serious abuse, by
 * the same statement the import uses, narrowed to that complaint (once per complaint, whichever path
 * sustained it first).
 */
export function recordComplaintAlerts(tx: Tx, complaintId: number, now = new Date()): Promise<AlertsRaised> {
  return raise(tx, [seriousAbuseSustained(now, localDay(now, FEDERAL_TIME_ZONE), Prisma.sql`c.id = ${complaintId}`)], now);
}

/** In the transaction that records the scheduled evaluation of `day` as failed. */
export function recordEvaluationFailed(tx: Tx, day: string, now: Date): Promise<AlertsRaised> {
  return raise(tx, [evaluationFailed(day, now)], now);
}
