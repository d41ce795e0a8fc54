import { Prisma } from "../../generated/prisma/client";
import type { AlertTrigger } from "../../generated/prisma/enums";
import { addDays } from "./periods";

/*
 * The daily counts: conditions on a federal (Mexico City) day D, per department. Two kinds of event:
 * - the snapshot `<TRIGGER>:<D>`: every department concerned, recorded once per day even when
 *   empty (digests show the latest one in their window);
 * - the onset `<TRIGGER>:<D>:d<department>`: a department that meets the condition and did not at
 *   the previous check (the latest earlier snapshot and the onsets recorded since), for
 *   "immediately" subscribers. It is checked by every alerts cycle, so a department that starts
 *   meeting the condition during the day is alerted within a minute, once, not every day.
 */

export const RETURNING = Prisma.sql`returning id, "key", "trigger"::text as "trigger", payload, "occurredAt"`;

type DailyCount = { trigger: AlertTrigger; perDepartment: (day: string) => Prisma.Sql; item: Prisma.Sql };

/** Officers active at D and their latest vetting at D (definitions of the federal baseline). */
function activeWithLatestVetting(day: string) {
  return Prisma.sql`
    select o."departmentId", lv.result, lv."validUntil", lv."evaluatedOn"
    from "Officer" o
    join lateral (
      select v.result, v."validUntil", v."evaluatedOn" from "VettingEvaluation" v
      where v."officerId" = o.id and v."evaluatedOn" <= ${day}::date
      order by v."evaluatedOn" desc limit 1
    ) lv on true
    where o."hiredOn" <= ${day}::date and (o."separatedOn" is null or o."separatedOn" > ${day}::date)`;
}

export const DAILY_COUNTS: DailyCount[] = [
  {
    trigger: "VETTING_EXPIRING",
    perDepartment: (day) => Prisma.sql`
      select a."departmentId",
        count(*) filter (where a."validUntil" <= ${addDays(day, 30)}::date) as w30,
        count(*) filter (where a."validUntil" <= ${addDays(day, 60)}::date) as w60,
        count(*) as w90
      from (${activeWithLatestVetting(day)}) a
      where a.result = 'APPROVED' and a."validUntil" between ${day}::date and ${addDays(day, 90)}::date
      group by a."departmentId"`,
    item: Prisma.sql`jsonb_build_object('kind', 'vettingExpiring', 'departmentId', s."departmentId",
      'within30', s.w30, 'within60', s.w60, 'within90', s.w90)`,
  },
  {
    trigger: "FAILED_VETTING_ON_DUTY",
    perDepartment: (day) => Prisma.sql`
      select a."departmentId", count(*) as n, min(a."evaluatedOn") as oldest
      from (${activeWithLatestVetting(day)}) a
      where a.result = 'NOT_APPROVED' and a."evaluatedOn" <= ${addDays(day, -90)}::date
      group by a."departmentId"`,
    item: Prisma.sql`jsonb_build_object('kind', 'failedVettingOnDuty', 'departmentId', s."departmentId",
      'officers', s.n, 'oldestFailure', to_char(s.oldest, 'YYYY-MM-DD'))`,
  },
  {
    // Counted complaints in (D−30, D] above twice the monthly average of (D−365, D] (= that count / 12).
    trigger: "COMPLAINT_SPIKE",
    perDepartment: (day) => Prisma.sql`
      select c."departmentId",
        count(*) filter (where c."receivedOn" > ${addDays(day, -30)}::date) as last30,
        count(*) as last365
      from "Complaint" c
      where c.status not in ('UNFOUNDED', 'WITHDRAWN')
        and c."receivedOn" > ${addDays(day, -365)}::date and c."receivedOn" <= ${day}::date
      group by c."departmentId"
      having 6 * count(*) filter (where c."receivedOn" > ${addDays(day, -30)}::date) > count(*)`,
    item: Prisma.sql`jsonb_build_object('kind', 'complaintSpike', 'departmentId', s."departmentId",
      'last30', s.last30, 'last365', s.last365)`,
  },
];

/** One event per federal day, even when empty, so it is computed once. */
export function snapshot(count: DailyCount, day: string, now: Date) {
  return Prisma.sql`
    insert into "AlertEvent" ("key", "trigger", "payload", "occurredAt")
    select ${`${count.trigger}:${day}`}, ${count.trigger}::"AlertTrigger", jsonb_build_object('asOf', ${day}::text,
      'items', coalesce(jsonb_agg(${count.item} order by s."departmentId"), '[]'::jsonb)), ${now}::timestamptz
    from (${count.perDepartment(day)}) s
    on conflict ("key") do nothing ${RETURNING}`;
}

/** One event per department newly meeting the condition on `day` (see the top of this file). */
export function onsets(count: DailyCount, day: string, now: Date) {
  const trigger = count.trigger;
  return Prisma.sql`
    with previous as (
      select max(e.payload->>'asOf') as day from "AlertEvent" e
      where e."trigger" = ${trigger}::"AlertTrigger" and e."key" = ${`${trigger}:`} || (e.payload->>'asOf') and e.payload->>'asOf' < ${day}
    ), known as (
      select (i->>'departmentId')::int as "departmentId"
      from "AlertEvent" e cross join previous p cross join jsonb_array_elements(e.payload->'items') i
      where e."trigger" = ${trigger}::"AlertTrigger" and e.payload->>'asOf' >= p.day and e.payload->>'asOf' < ${day}
    )
    insert into "AlertEvent" ("key", "trigger", "payload", "occurredAt")
    select ${`${trigger}:${day}:d`} || s."departmentId", ${trigger}::"AlertTrigger",
      jsonb_build_object('asOf', ${day}::text, 'onset', true, 'items', jsonb_build_array(${count.item})), ${now}::timestamptz
    from (${count.perDepartment(day)}) s
    where s."departmentId" not in (select k."departmentId" from known k)
    order by s."departmentId"
    on conflict ("key") do nothing ${RETURNING}`;
}
