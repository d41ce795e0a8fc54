import type { AlertFrequency, AlertTrigger } from "../../generated/prisma/enums";
import type { Db, Tx } from "../db/client";
import { enqueueEmail } from "../email/outbox";
import { log } from "../log";
import { Audience, RECIPIENT_SELECT, type Recipient, toRecipient } from "./audience";
import { type AlertGroup, composeAlertEmail } from "./compose";
import type { AlertEventRow } from "./events";
import { type DigestFrequency, type DigestPeriod, FEDERAL_TIME_ZONE, isValidTimeZone, latestDuePeriod, upcomingPeriod } from "./periods";
import { TRIGGER_SPECS } from "./triggers";

/** A digest never reaches further back than this, however long the workers were down. */
const MAX_WINDOW_MS = 31 * 86_400_000;

type DigestSubscription = { id: number; trigger: AlertTrigger; stateCodes: string[]; departmentIds: number[]; deliveryHour: number };

function recipientTimeZone(recipient: Recipient): string {
  if (isValidTimeZone(recipient.timeZone)) return recipient.timeZone;
  log.warn("User has an unknown time zone; using the federal one for their digests", {
    userId: recipient.userId,
    timeZone: recipient.timeZone,
  });
  return FEDERAL_TIME_ZONE;
}

/** What the recipient may see, per subscribed trigger; a daily count keeps only its latest snapshot. */
async function digestGroups(audience: Audience, recipient: Recipient, subs: DigestSubscription[], events: AlertEventRow[]) {
  const groups: AlertGroup[] = [];
  for (const sub of subs) {
    let own = events.filter((e) => e.trigger === sub.trigger);
    if (TRIGGER_SPECS[sub.trigger].shape === "snapshot") own = own.slice(-1);
    const visible = await audience.filter(recipient, sub.trigger, sub, own);
    if (visible.length > 0) groups.push({ trigger: sub.trigger, events: visible });
  }
  return groups;
}

// With no event in the window the statement still answers one row (ids null) carrying the snapshot.
type Candidate = (AlertEventRow | { id: null }) & { snapshot: string };

/**
 * The events a digest may include, and the snapshot they were read in (one statement, so the two
 * agree). An event qualifies when no earlier digest of this user and frequency included it, it
 * occurred by the window's end, and either it occurred after the window's start or it was not yet
 * committed when the previous digest chose its events (its writer is invisible in that snapshot):
 * an event stamped before a delivery instant whose transaction committed after that digest was built
 * lands in the next one, however long the commit took. The last condition also requires the writer
 * to be visible now, which every row read here satisfies unless its ids come from another cluster's
 * history (a restored dump); such rows, and a previous snapshot newer than the present, fall back
 * to the window alone.
 */
function candidateEvents(
  tx: Tx,
  digest: { userId: number; frequency: DigestFrequency; triggers: string[] },
  window: { start: Date; end: Date },
  previousSnapshot: string | null,
) {
  return tx.$queryRaw<Candidate[]>`
    with snap as (select pg_current_snapshot() as now, ${previousSnapshot}::text::pg_snapshot as prev)
    select snap.now::text as "snapshot", e.* from snap left join lateral (
      select a.id, a."key", a."trigger"::text as "trigger", a.payload, a."occurredAt" from "AlertEvent" a
      where a."trigger"::text = any(${digest.triggers}) and a."occurredAt" <= ${window.end}
        and coalesce((a.payload ->> 'onset')::boolean, false) = false
        and (a."occurredAt" > ${window.start} or (
          pg_snapshot_xmax(snap.prev)::text::bigint <= pg_snapshot_xmax(snap.now)::text::bigint
          and a."writerXid" >= pg_snapshot_xmin(snap.prev)::text::bigint
          and not pg_visible_in_snapshot(a."writerXid"::text::xid8, snap.prev)
          and pg_visible_in_snapshot(a."writerXid"::text::xid8, snap.now)))
        and not exists (select 1 from "DigestEvent" d
          where d."userId" = ${digest.userId} and d."frequency" = ${digest.frequency}::"AlertFrequency" and d."eventId" = a.id)
    ) e on true
    order by e."occurredAt", e.id`;
}

// Builds of one user's digests (same frequency) take turns, so each sees the previous one committed.
const DIGEST_LOCK_CLASS = 7_411_008;

/**
 * Builds one user's digest for one period, in one transaction: the (user, frequency, period) row,
 * the events it includes (DigestEvent, unique per user, frequency and event) and the email. A second
 * worker building the same digest waits for the first, then finds the row and writes nothing.
 */
async function buildDigest(
  db: Db,
  recipient: Recipient,
  frequency: DigestFrequency,
  subs: DigestSubscription[],
  period: DigestPeriod,
  windowEnd: Date,
  now: Date,
) {
  const userId = recipient.userId;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(${DIGEST_LOCK_CLASS}::int, ${userId * 2 + (frequency === "WEEKLY" ? 1 : 0)}::int)`;
      const where = { userId_frequency_periodKey: { userId, frequency, periodKey: period.key } };
      if (await tx.alertDigest.findUnique({ where, select: { id: true } })) return "exists" as const;
      const previous = await tx.alertDigest.findFirst({
        where: { userId, frequency, windowEnd: { lt: windowEnd, gt: new Date(windowEnd.getTime() - MAX_WINDOW_MS) } },
        orderBy: { windowEnd: "desc" },
        select: { windowEnd: true, snapshot: true },
      });
      const windowStart = previous?.windowEnd ?? period.start;
      const rows = await candidateEvents(
        tx,
        { userId, frequency, triggers: subs.map((s) => s.trigger) },
        { start: windowStart, end: windowEnd },
        previous?.snapshot ?? null,
      );
      const events = rows.filter((r): r is AlertEventRow & { snapshot: string } => r.id !== null);
      const groups = await digestGroups(new Audience(tx), recipient, subs, events);
      const email = groups.length
        ? await composeAlertEmail(tx, {
            recipient,
            idempotencyKey: `digest:u${userId}:${frequency}:${period.key}`,
            digest: frequency,
            groups,
            now,
          })
        : null;
      const digest = await tx.alertDigest.create({
        data: {
          userId,
          frequency,
          periodKey: period.key,
          windowStart,
          windowEnd,
          itemCount: email?.itemCount ?? 0,
          snapshot: rows[0]!.snapshot,
        },
        select: { id: true },
      });
      const included = groups.flatMap((g) => g.events.map((e) => ({ digestId: digest.id, eventId: e.id, userId, frequency })));
      if (included.length > 0) await tx.digestEvent.createMany({ data: included });
      if (!email) return "empty" as const;
      const outboxEmailId = await enqueueEmail(tx, email);
      await tx.alertDigest.update({ where: { id: digest.id }, data: { outboxEmailId } });
      return "sent" as const;
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
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
