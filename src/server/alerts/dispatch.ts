import type { AlertTrigger } from "../../generated/prisma/enums";
import type { Db } from "../db/client";
import { enqueueEmail } from "../email/outbox";
import { Audience, RECIPIENT_SELECT, toRecipient } from "./audience";
import { composeAlertEmail } from "./compose";
import type { AlertEventRow } from "./events";

const BATCH = 200;

/**
 * Sends new alert events to immediate subscribers. Each batch of events is locked (SKIP LOCKED, so
 * workers share the work), turned into outbox rows and marked dispatched in ONE transaction: a
 * crash before commit leaves the events for the next run, a crash after leaves nothing to redo.
 * One email per subscription and trigger per batch, keyed by the batch's first event id (batches
 * never share events, so keys never collide).
 */
export async function dispatchImmediateAlerts(db: Db, now: Date): Promise<{ events: number; emails: number }> {
  const totals = { events: 0, emails: 0 };
  for (;;) {
    const batch = await db.$transaction(
      async (tx) => {
        const events = await tx.$queryRaw<AlertEventRow[]>`
          select id, "key", "trigger"::text as "trigger", payload, "occurredAt" from "AlertEvent"
          where "dispatchedAt" is null order by id limit ${BATCH} for update skip locked`;
        if (events.length === 0) return null;
        const triggers = [...new Set(events.map((e) => e.trigger))];
        const subscriptions = await tx.alertSubscription.findMany({
          where: { enabled: true, frequency: "IMMEDIATE", trigger: { in: triggers }, user: { disabled: false } },
          include: { user: { select: RECIPIENT_SELECT } },
          orderBy: { id: "asc" },
        });
        const audience = new Audience(tx);
        let emails = 0;
        for (const sub of subscriptions) {
          const recipient = toRecipient(sub.user);
          const own = events.filter((e) => e.trigger === sub.trigger);
          const visible = await audience.filter(recipient, sub.trigger as AlertTrigger, sub, own);
          if (visible.length === 0) continue;
          const email = await composeAlertEmail(tx, {
            recipient,
            idempotencyKey: `alert:sub${sub.id}:${sub.trigger}:ev${visible[0]!.id}`,
            digest: null,
            groups: [{ trigger: sub.trigger, events: visible }],
            now,
          });
          if (await enqueueEmail(tx, email)) emails++;
        }
        await tx.$executeRaw`
          update "AlertEvent" set "dispatchedAt" = ${now} where id = any(${events.map((e) => String(e.id))}::bigint[])`;
        return { events: events.length, emails };
      },
      { timeout: 120_000, maxWait: 15_000 },
    );
    if (!batch) return totals;
    totals.events += batch.events;
    totals.emails += batch.emails;
  }
}
