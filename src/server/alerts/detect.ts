import { Prisma } from "../../generated/prisma/client";
import type { DbOrTx } from "../db/client";
import { DAILY_COUNTS, RETURNING, onsets, snapshot } from "./daily-counts";
import type { AlertEventRow } from "./events";
import { FEDERAL_TIME_ZONE, addDays, localDay } from "./periods";
import { SERIOUS_ABUSE_CATEGORIES } from "./triggers";

/**
 * The alert events' SQL. Every statement is one set-based INSERT … ON CONFLICT (key) DO NOTHING
 * RETURNING the rows it added, so recording an occurrence any number of times, from any number of
 * transactions, records it exactly once. The event-driven statements take a condition (`only`)
 * that narrows them to one change: the evaluation run or import batch whose transaction records
 * them (see record.ts). Run unnarrowed over committed data (the alerts cycle), they find nothing
 * those transactions did not already record: they are a safety net for data written some other way
 * (SQL, seeding). Look-back windows keep a first run on an old database from replaying history.
 */

/** Occurrences older than this are history, not news. */
const lookBack = (now: Date) => Prisma.sql`${now}::timestamptz - interval '3 days'`;

const ymd = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`;

const ALL = Prisma.sql`true`;

export function levelRises(now: Date, only: Prisma.Sql = ALL) {
  return Prisma.sql`
    insert into "AlertEvent" ("key", "trigger", "payload", "occurredAt")
    select 'LEVEL_ROSE:run' || r.id, 'LEVEL_ROSE',
      jsonb_build_object('asOf', ${ymd(Prisma.sql`r."asOf"`)}, 'items', jsonb_agg(jsonb_build_object(
        'kind', 'levelRose', 'departmentId', er."departmentId", 'from', coalesce(prev.level, 'NONE'),
        'to', er.level, 'runId', r.id, 'asOf', ${ymd(Prisma.sql`r."asOf"`)}) order by er."departmentId")),
      ${now}::timestamptz
    from "EvaluationRun" r
    join "EvaluationResult" er on er."runId" = r.id
    left join lateral (
      select pr.level from "EvaluationResult" pr join "EvaluationRun" p on p.id = pr."runId"
      where pr."departmentId" = er."departmentId" and p.status = 'SUCCEEDED' and p.trigger <> 'BACKTEST'
        and (p."asOf", p.id) < (r."asOf", r.id)
      order by p."asOf" desc, p.id desc limit 1
    ) prev on true
    where r.status = 'SUCCEEDED' and r.trigger <> 'BACKTEST' and r."finishedAt" > ${lookBack(now)}
      and er.level > coalesce(prev.level, 'NONE')
      and not exists (select 1 from "AlertEvent" e where e."key" = 'LEVEL_ROSE:run' || r.id) and ${only}
    group by r.id, r."asOf"
    order by r.id
    on conflict ("key") do nothing ${RETURNING}`;
}

export function recommendationsAwaiting(now: Date, only: Prisma.Sql = ALL) {
  return Prisma.sql`
    insert into "AlertEvent" ("key", "trigger", "payload", "occurredAt")
    select 'RECOMMENDATION_AWAITING:rec' || rc.id, 'RECOMMENDATION_AWAITING', jsonb_build_object('items', jsonb_build_array(
      jsonb_build_object('kind', 'recommendation', 'departmentId', rc."departmentId", 'recommendationId', rc.id,
        'level', rc.level, 'previousLevel', rc."previousLevel"))), ${now}::timestamptz
    from "Recommendation" rc
    where rc.status = 'OPEN' and rc."createdAt" > ${lookBack(now)} and ${only}
    order by rc.id
    on conflict ("key") do nothing ${RETURNING}`;
}

export function seriousAbuseSustained(now: Date, today: string, only: Prisma.Sql = ALL) {
  return Prisma.sql`
    insert into "AlertEvent" ("key", "trigger", "payload", "occurredAt")
    select 'SERIOUS_ABUSE_SUSTAINED:c' || c.id, 'SERIOUS_ABUSE_SUSTAINED', jsonb_build_object('items', jsonb_build_array(
      jsonb_build_object('kind', 'seriousAbuse', 'departmentId', c."departmentId", 'complaintRef', c.ref,
        'category', c.category, 'resolvedOn', ${ymd(Prisma.sql`c."resolvedOn"`)}))), ${now}::timestamptz
    from "Complaint" c
    where c.status = 'SUSTAINED' and c.category::text in (${Prisma.join([...SERIOUS_ABUSE_CATEGORIES])})
      and c."updatedAt" > ${lookBack(now)}
      and (c."resolvedOn" is null or c."resolvedOn" > ${addDays(today, -365)}::date) and ${only}
    order by c.id
    on conflict ("key") do nothing ${RETURNING}`;
}

/** Each receivership milestone or review deadline alerts once when it comes within 7 days. */
function milestonesDue(now: Date, today: string) {
  const until = addDays(today, 7);
  return Prisma.sql`
    insert into "AlertEvent" ("key", "trigger", "payload", "occurredAt")
    select k, 'MILESTONE_DUE', jsonb_build_object('asOf', ${today}::text, 'items', jsonb_build_array(item)), ${now}::timestamptz
    from (
      select 'MILESTONE_DUE:m' || m.id || ':' || ${ymd(Prisma.sql`m."dueOn"`)} as k,
        jsonb_build_object('kind', 'milestoneDue', 'departmentId', c."departmentId", 'subject', 'receivership',
          'recordId', c.id, 'dueOn', ${ymd(Prisma.sql`m."dueOn"`)}) as item
      from "ReceivershipMilestone" m join "ReceivershipCase" c on c.id = m."caseId"
      where m."completedOn" is null and c.status in ('PROPOSED', 'IMPOSED')
        and m."dueOn" between ${today}::date and ${until}::date
      union all
      select 'MILESTONE_DUE:r' || rv.id || ':' || ${ymd(Prisma.sql`rv."dueOn"`)},
        jsonb_build_object('kind', 'milestoneDue', 'departmentId', rv."departmentId", 'subject', 'review',
          'recordId', rv.id, 'dueOn', ${ymd(Prisma.sql`rv."dueOn"`)})
      from "Review" rv
      where rv.status = 'OPEN' and rv."dueOn" between ${today}::date and ${until}::date
    ) due
    order by k
    on conflict ("key") do nothing ${RETURNING}`;
}

export type DetectionCounts = Record<string, number>;

/** Runs one event statement; returns the events it added (none when they were recorded before). */
export function insertEvents(db: DbOrTx, statement: Prisma.Sql): Promise<AlertEventRow[]> {
  return db.$queryRaw<AlertEventRow[]>(statement);
}

/** The daily counts someone (enabled, not disabled) wants "immediately": only those need onsets. */
async function immediateDailyCounts(db: DbOrTx) {
  const rows = await db.alertSubscription.findMany({
    where: { enabled: true, frequency: "IMMEDIATE", trigger: { in: DAILY_COUNTS.map((c) => c.trigger) }, user: { disabled: false } },
    select: { trigger: true },
    distinct: ["trigger"],
  });
  const wanted = new Set(rows.map((r) => r.trigger));
  return DAILY_COUNTS.filter((c) => wanted.has(c.trigger));
}

/**
 * Records every alert event due at `now` from committed data: the time-based triggers (deadlines
 * within 7 days; the daily counts' snapshot and onsets, see daily-counts.ts) and the net for
 * event-driven ones. Returns the new events and how many each statement added.
 */
export async function detectNewEvents(db: DbOrTx, now: Date): Promise<{ counts: DetectionCounts; events: AlertEventRow[] }> {
  const today = localDay(now, FEDERAL_TIME_ZONE);
  const statements: Record<string, Prisma.Sql> = {
    LEVEL_ROSE: levelRises(now),
    RECOMMENDATION_AWAITING: recommendationsAwaiting(now),
    SERIOUS_ABUSE_SUSTAINED: seriousAbuseSustained(now, today),
    MILESTONE_DUE: milestonesDue(now, today),
  };
  for (const count of DAILY_COUNTS) statements[count.trigger] = snapshot(count, today, now);
  for (const count of await immediateDailyCounts(db)) statements[`${count.trigger}_ONSET`] = onsets(count, today, now);
  const counts: DetectionCounts = {};
  const events: AlertEventRow[] = [];
  for (const [name, sql] of Object.entries(statements)) {
    const added = await insertEvents(db, sql);
    counts[name] = added.length;
    events.push(...added);
  }
  return { counts, events };
}

/** Records every alert event due at `now`; returns how many new events each detector recorded. */
export async function detectAlertEvents(db: DbOrTx, now: Date): Promise<DetectionCounts> {
  return (await detectNewEvents(db, now)).counts;
}

/** The scheduled evaluation for `day` failed: one event per day, however many attempts fail. */
export function evaluationFailed(day: string, now: Date) {
  return Prisma.sql`
    insert into "AlertEvent" ("key", "trigger", "payload", "occurredAt")
    values (${`EVALUATION_FAILED:${day}`}, 'EVALUATION_FAILED', ${JSON.stringify({ asOf: day, items: [] })}::jsonb, ${now})
    on conflict ("key") do nothing ${RETURNING}`;
}
