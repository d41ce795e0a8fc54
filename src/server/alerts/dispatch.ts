import type { AlertTrigger } from "../../generated/prisma/enums";
import type { Db, DbOrTx } from "../db/client";
import { enqueueEmail } from "../email/outbox";
import { Audience, RECIPIENT_SELECT, toRecipient } from "./audience";
import { type RenderCache, composeAlertEmail } from "./compose";
import { type AlertEventRow, isOnset } from "./events";
import { TRIGGER_SPECS } from "./triggers";

const BATCH = 200;

/**
 * Writes the outbox rows of "immediately" subscribers for `events` and marks the events dispatched,
 * in the caller's transaction (the one that recorded the events), so events and their emails
 * commit together or not at all. Each recipient gets only what their current role and chosen
 * scope allow, in their language. One email per subscription and trigger, keyed by subscription,
 * trigger and the first event it reports (an event is dispatched in exactly one transaction, so
 * keys never collide; the unique key makes a replay write nothing). For the daily counts,
 * immediate subscribers get the onsets, not the daily snapshot (see daily-counts.ts).
 */
export async function dispatchEvents(tx: DbOrTx, events: AlertEventRow[], now: Date): Promise<number> {
  if (events.length === 0) return 0;
  const ordered = [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const triggers = [...new Set(ordered.map((e) => e.trigger))];
  const subscriptions = await tx.alertSubscription.findMany({
    where: { enabled: true, frequency: "IMMEDIATE", trigger: { in: triggers }, user: { disabled: false } },
    include: { user: { select: RECIPIENT_SELECT } },
    orderBy: { id: "asc" },
  });
  const audience = new Audience(tx);
  const renders: RenderCache = new Map();
  let emails = 0;
  for (const sub of subscriptions) {
    const recipient = toRecipient(sub.user);
    const daily = TRIGGER_SPECS[sub.trigger].shape === "snapshot";
    const own = ordered.filter((e) => e.trigger === sub.trigger && (!daily || isOnset(e)));
    const visible = await audience.filter(recipient, sub.trigger, sub, own);
    if (visible.length === 0) continue;
    const email = await composeAlertEmail(tx, {
      recipient,
      idempotencyKey: `alert:sub${sub.id}:${sub.trigger}:ev${visible[0]!.id}`,
      digest: null,
      groups: [{ trigger: sub.trigger, events: visible }],
      now,
      renders,
    });
    if (await enqueueEmail(tx, email)) emails++;
  }
  await tx.$executeRaw`
    update "AlertEvent" set "dispatchedAt" = ${now} where id = any(${ordered.map((e) => String(e.id))}::bigint[])`;
  return emails;
}

/**
 * The net for events recorded without their emails (by `detectAlertEvents` alone, or by an older
 * version): each batch is locked (SKIP LOCKED, so workers share the work), dispatched and marked in
 * ONE transaction. Events recorded by record.ts or the alerts cycle are already dispatched.
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
        return { events: events.length, emails: await dispatchEvents(tx, events, now) };
      },
      { timeout: 120_000, maxWait: 15_000 },
    );
    if (!batch) return totals;
    totals.events += batch.events;
    totals.emails += batch.emails;
  }
}
