import type { AlertFrequency, AlertTrigger } from "../../generated/prisma/enums";
import type { Db } from "../db/client";
import { enqueueEmail } from "../email/outbox";
import { log } from "../log";
import { Audience, RECIPIENT_SELECT, type Recipient, toRecipient } from "./audience";
import { type AlertGroup, composeAlertEmail } from "./compose";
import { type AlertEventRow, isOnset } from "./events";
import { type DigestFrequency, type DigestPeriod, FEDERAL_TIME_ZONE, isValidTimeZone, latestDuePeriod, upcomingPeriod } from "./periods";
import { TRIGGER_SPECS } from "./triggers";

/** A digest never reaches further back than this, however long the workers were down. */
const MAX_WINDOW_MS = 31 * 86_400_000;

type DigestSubscription = { id: number; trigger: AlertTrigger; stateCodes: string[]; departmentIds: number[]; deliveryHour: number };

function recipientTimeZone(recipient: Recipient): string {
  if (isValidTimeZone(recipient.timeZone)) return recipient.timeZone;
  log.warn("User has an unknown time zone; using the federal one for their digests", { userId: recipient.userId, timeZone: recipient.timeZone });
  return FEDERAL_TIME_ZONE;
}

/** What the recipient may see, per subscribed trigger; a daily count keeps only its latest snapshot. */
async function digestGroups(audience: Audience, recipient: Recipient, subs: DigestSubscription[], events: AlertEventRow[]) {
  const groups: AlertGroup[] = [];
  for (const sub of subs) {
    let own = events.filter((e) => e.trigger === sub.trigger);
    if (TRIGGER_SPECS[sub.trigger].shape === "snapshot") own = own.filter((e) => !isOnset(e)).slice(-1);
    const visible = await audience.filter(recipient, sub.trigger, sub, own);
    if (visible.length > 0) groups.push({ trigger: sub.trigger, events: visible });
  }
  return groups;
}

/**
 * Builds one user's digest for one period. The (user, frequency, period) row is inserted in the same
 * transaction as the email; a second worker building the same digest finds the row and writes nothing.
 * Each digest's window starts where the previous one ended, so nothing falls between two digests.
 */
async function buildDigest(db: Db, recipient: Recipient, frequency: DigestFrequency, subs: DigestSubscription[], period: DigestPeriod, windowEnd: Date, now: Date) {
  const where = { userId_frequency_periodKey: { userId: recipient.userId, frequency, periodKey: period.key } };
  if (await db.alertDigest.findUnique({ where, select: { id: true } })) return "exists" as const;
  const previous = await db.alertDigest.findFirst({
    where: { userId: recipient.userId, frequency, windowEnd: { lt: windowEnd, gt: new Date(windowEnd.getTime() - MAX_WINDOW_MS) } },
    orderBy: { windowEnd: "desc" },
    select: { windowEnd: true },
  });
  const windowStart = previous?.windowEnd ?? period.start;
  const events = await db.$queryRaw<AlertEventRow[]>`
    select id, "key", "trigger"::text as "trigger", payload, "occurredAt" from "AlertEvent"
    where "trigger"::text = any(${subs.map((s) => s.trigger)}) and "occurredAt" > ${windowStart} and "occurredAt" <= ${windowEnd}
    order by "occurredAt", id`;
  const groups = await digestGroups(new Audience(db), recipient, subs, events);
  const email = groups.length
    ? await composeAlertEmail(db, { recipient, idempotencyKey: `digest:u${recipient.userId}:${frequency}:${period.key}`, digest: frequency, groups, now })
    : null;
  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: number }[]>`
      insert into "AlertDigest" ("userId", "frequency", "periodKey", "windowStart", "windowEnd", "itemCount")
      values (${recipient.userId}, ${frequency}::"AlertFrequency", ${period.key}, ${windowStart}, ${windowEnd}, ${email?.itemCount ?? 0})
      on conflict ("userId", "frequency", "periodKey") do nothing returning id`;
    if (claimed.length === 0) return "exists" as const;
    if (!email) return "empty" as const;
    const outboxEmailId = await enqueueEmail(tx, email);
    await tx.alertDigest.update({ where: { id: claimed[0]!.id }, data: { outboxEmailId } });
    return "sent" as const;
  });
}

/**
 * Builds every digest whose delivery hour (in the user's time zone) has passed and that was not
 * built yet. With `force`, builds the upcoming period's digest now instead (operators, demos).
 */
export async function buildDueDigests(db: Db, now: Date, options: { force?: boolean } = {}) {
  const subscriptions = await db.alertSubscription.findMany({
    where: { enabled: true, frequency: { in: ["DAILY", "WEEKLY"] }, user: { disabled: false } },
    include: { user: { select: RECIPIENT_SELECT } },
    orderBy: [{ userId: "asc" }, { id: "asc" }],
  });
  const byUser = new Map<string, { recipient: Recipient; frequency: DigestFrequency; subs: DigestSubscription[] }>();
  for (const s of subscriptions) {
    const frequency = s.frequency as Exclude<AlertFrequency, "IMMEDIATE">;
    const key = `${s.userId}:${frequency}`;
    const entry = byUser.get(key) ?? { recipient: toRecipient(s.user), frequency, subs: [] };
    entry.subs.push(s);
    byUser.set(key, entry);
  }
  const counts = { built: 0, emails: 0 };
  for (const { recipient, frequency, subs } of byUser.values()) {
    const hour = Math.min(...subs.map((s) => s.deliveryHour));
    const timeZone = recipientTimeZone(recipient);
    const period = options.force ? upcomingPeriod(frequency, now, timeZone, hour) : latestDuePeriod(frequency, now, timeZone, hour);
    const outcome = await buildDigest(db, recipient, frequency, subs, period, options.force ? now : period.end, now);
    if (outcome !== "exists") counts.built++;
    if (outcome === "sent") counts.emails++;
  }
  return counts;
}
