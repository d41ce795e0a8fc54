import { Prisma } from "../../generated/prisma/client";
import type { Scope } from "../authz/scope";
import type { DbOrTx } from "../db/client";
import { AppError } from "../errors";
import { EVALUATION_TIME_ZONE } from "../rules/dates";
import { findVisibleDepartment } from "../workflow/records";

/**
 * What a department's timeline shows. The rank orders events that share an instant (a complaint and a
 * milestone on the same day) so that paging is exact: events sort by (at, rank, rowId), newest first.
 */
export const TIMELINE_KINDS = [
  "complaint.received",
  "evaluation.levelChanged",
  "recommendation.opened",
  "recommendation.decided",
  "review.opened",
  "review.closed",
  "receivership.statusChanged",
  "receivership.approved",
  "milestone.due",
  "milestone.completed",
  "comment",
  "receivership.amended",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

type Person = { id: number; name: string } | null;
export type TimelinePayloads = {
  "complaint.received": { ref: string; category: string; source: string; status: string };
  "evaluation.levelChanged": {
    runId: number;
    asOf: string;
    level: string;
    previousLevel: string | null;
    ruleSetId: string;
    ruleSetVersion: number;
  };
  "recommendation.opened": { recommendationId: number; level: string; previousLevel: string; status: string };
  "recommendation.decided": {
    recommendationId: number;
    status: string;
    dismissReason: string | null;
    justification: string | null;
    decidedBy: Person;
  };
  "review.opened": { reviewId: number; scope: string; recommendationId: number | null; owner: Person };
  "review.closed": { reviewId: number; decision: string | null; decisionNotes: string | null };
  "receivership.statusChanged": { caseId: number; fromStatus: string | null; toStatus: string; reason: string; changedBy: Person };
  "receivership.approved": { caseId: number; role: string; approver: Person };
  "milestone.due": { caseId: number; milestoneId: number; title: string; dueOn: string; completedOn: string | null };
  "milestone.completed": { caseId: number; milestoneId: number; title: string; completedOn: string };
  comment: { commentId: number; on: "DEPARTMENT" | "REVIEW" | "RECEIVERSHIP"; onId: number; body: string; author: Person };
  "receivership.amended": {
    caseId: number;
    amendment: "PROPOSAL_EDITED" | "EXTENDED";
    proposalRevision: number;
    reason: string | null;
    approvalsWithdrawn: number;
    changedBy: Person;
  };
};

export type TimelineEvent = {
  [K in TimelineKind]: {
    /** Stable key for lists: kind and the row behind it. */
    id: string;
    kind: K;
    at: Date;
    /** Calendar-day events (complaints, milestones) sit at midnight in Mexico City. */
    dateOnly: boolean;
    data: TimelinePayloads[K];
  };
}[TimelineKind];

export type TimelineInput = { limit: number; cursor?: string | null; kinds?: TimelineKind[] };

const rankOf = (kind: TimelineKind) => TIMELINE_KINDS.indexOf(kind) + 1;
const DATE_ONLY = new Set<TimelineKind>(["complaint.received", "milestone.due", "milestone.completed"]);

/** Opaque page cursor: the sort key of the last event returned. */
function encodeCursor(e: { at: Date; rank: number; rowId: number }) {
  return Buffer.from(`${e.at.toISOString()}|${e.rank}|${e.rowId}`).toString("base64url");
}

function decodeCursor(cursor: string) {
  const [at, rank, rowId] = Buffer.from(cursor, "base64url").toString().split("|");
  const date = new Date(at ?? "");
  const key = { at: date, rank: Number(rank), rowId: Number(rowId) };
  if (Number.isNaN(date.getTime()) || !Number.isInteger(key.rank) || !Number.isInteger(key.rowId)) {
    throw new AppError("BAD_REQUEST", "The timeline cursor is not valid", { field: "cursor" });
  }
  return key;
}

type Row = { at: Date; rank: number; rowId: bigint; kind: TimelineKind; data: unknown };

/**
 * Everything that happened to a department, newest first, merged in one SQL statement from
 * complaints, evaluations (level changes between consecutive persisted runs of a rule set, backtests
 * excluded), recommendations and their decisions, reviews, receivership status changes, approvals and
 * milestones, and comments on the department, its reviews and its receiverships.
 */
export async function departmentTimeline(db: DbOrTx, scope: Scope, departmentCode: string, input: TimelineInput) {
  const department = await findVisibleDepartment(db, scope, departmentCode);
  const id = department.id;
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  const kinds = input.kinds?.length ? input.kinds : [...TIMELINE_KINDS];
  const r = (kind: TimelineKind) => Prisma.sql`${rankOf(kind)}::int, ${kind}::text`;
  const midnight = (column: string) => Prisma.raw(`(${column}::timestamp at time zone '${EVALUATION_TIME_ZONE}')`);
  const person = (alias: string) =>
    Prisma.raw(`case when ${alias}.id is null then null else jsonb_build_object('id', ${alias}.id, 'name', ${alias}.name) end`);

  const rows = await db.$queryRaw<Row[]>`
    with events(at, rank, kind, "rowId", data) as (
      select ${midnight('c."receivedOn"')}, ${r("complaint.received")}, c.id::bigint,
             jsonb_build_object('ref', c.ref, 'category', c.category, 'source', c.source, 'status', c.status)
      from "Complaint" c where c."departmentId" = ${id}
      union all
      select e.at, ${r("evaluation.levelChanged")}, e.id::bigint,
             jsonb_build_object('runId', e."runId", 'asOf', to_char(e."asOf", 'YYYY-MM-DD'), 'level', e.level,
                                'previousLevel', e.previous, 'ruleSetId', e."ruleSetId", 'ruleSetVersion', e.version)
      from (
        select res.id, res.level, run.id as "runId", run."asOf", v."ruleSetId", v.version,
               coalesce(run."finishedAt", run."startedAt") as at,
               lag(res.level) over (partition by v."ruleSetId" order by run."asOf", run.id) as previous
        from "EvaluationResult" res
        join "EvaluationRun" run on run.id = res."runId"
        join "RuleSetVersion" v on v.id = run."ruleSetVersionId"
        where res."departmentId" = ${id} and run.status = 'SUCCEEDED' and run.trigger <> 'BACKTEST'
      ) e
      where e.previous is distinct from e.level and (e.previous is not null or e.level <> 'NONE')
      union all
      select rec."createdAt", ${r("recommendation.opened")}, rec.id::bigint,
             jsonb_build_object('recommendationId', rec.id, 'level', rec.level, 'previousLevel', rec."previousLevel", 'status', rec.status)
      from "Recommendation" rec where rec."departmentId" = ${id}
      union all
      select rec."decidedAt", ${r("recommendation.decided")}, rec.id::bigint,
             jsonb_build_object('recommendationId', rec.id, 'status', rec.status, 'dismissReason', rec."dismissReason",
                                'justification', rec.justification, 'decidedBy', ${person("u")})
      from "Recommendation" rec left join "User" u on u.id = rec."decidedById"
      where rec."departmentId" = ${id} and rec."decidedAt" is not null
      union all
      select rv."openedAt", ${r("review.opened")}, rv.id::bigint,
             jsonb_build_object('reviewId', rv.id, 'scope', rv.scope, 'recommendationId', rv."recommendationId", 'owner', ${person("u")})
      from "Review" rv left join "User" u on u.id = rv."ownerId" where rv."departmentId" = ${id}
      union all
      select rv."closedAt", ${r("review.closed")}, rv.id::bigint,
             jsonb_build_object('reviewId', rv.id, 'decision', rv.decision, 'decisionNotes', rv."decisionNotes")
      from "Review" rv where rv."departmentId" = ${id} and rv."closedAt" is not null
      union all
      select sc."changedAt", ${r("receivership.statusChanged")}, sc.id::bigint,
             jsonb_build_object('caseId', k.id, 'fromStatus', sc."fromStatus", 'toStatus', sc."toStatus", 'reason', sc.reason,
                                'changedBy', ${person("u")})
      from "ReceivershipStatusChange" sc join "ReceivershipCase" k on k.id = sc."caseId"
      left join "User" u on u.id = sc."changedById" where k."departmentId" = ${id}
      union all
      select a."approvedAt", ${r("receivership.approved")}, a.id::bigint,
             jsonb_build_object('caseId', k.id, 'role', a.role, 'approver', ${person("u")})
      from "ReceivershipApproval" a join "ReceivershipCase" k on k.id = a."caseId"
      left join "User" u on u.id = a."userId" where k."departmentId" = ${id}
      union all
      select ${midnight('m."dueOn"')}, ${r("milestone.due")}, m.id::bigint,
             jsonb_build_object('caseId', k.id, 'milestoneId', m.id, 'title', m.title, 'dueOn', to_char(m."dueOn", 'YYYY-MM-DD'),
                                'completedOn', to_char(m."completedOn", 'YYYY-MM-DD'))
      from "ReceivershipMilestone" m join "ReceivershipCase" k on k.id = m."caseId" where k."departmentId" = ${id}
      union all
      select ${midnight('m."completedOn"')}, ${r("milestone.completed")}, m.id::bigint,
             jsonb_build_object('caseId', k.id, 'milestoneId', m.id, 'title', m.title, 'completedOn', to_char(m."completedOn", 'YYYY-MM-DD'))
      from "ReceivershipMilestone" m join "ReceivershipCase" k on k.id = m."caseId"
      where k."departmentId" = ${id} and m."completedOn" is not null
      union all
      select am."changedAt", ${r("receivership.amended")}, am.id::bigint,
             jsonb_build_object('caseId', k.id, 'amendment', am.kind, 'proposalRevision', am."proposalRevision", 'reason', am.reason,
                                'approvalsWithdrawn', jsonb_array_length(am."withdrawnApprovals"), 'changedBy', ${person("u")})
      from "ReceivershipAmendment" am join "ReceivershipCase" k on k.id = am."caseId"
      left join "User" u on u.id = am."changedById" where k."departmentId" = ${id}
      union all
      select cm."createdAt", ${r("comment")}, cm.id::bigint,
             jsonb_build_object('commentId', cm.id, 'on', cm."targetType", 'onId', cm."targetId"::int, 'body', cm.body, 'author', ${person("u")})
      from "Comment" cm left join "User" u on u.id = cm."authorId"
      where (cm."targetType" = 'DEPARTMENT' and cm."targetId" = ${String(id)})
         or (cm."targetType" = 'REVIEW' and cm."targetId" in (select rv.id::text from "Review" rv where rv."departmentId" = ${id}))
         or (cm."targetType" = 'RECEIVERSHIP' and cm."targetId" in (select k.id::text from "ReceivershipCase" k where k."departmentId" = ${id}))
    )
    select at, rank, kind, "rowId", data from events
    where kind = any(${kinds}::text[])
      and ${cursor ? Prisma.sql`(at, rank, "rowId") < (${cursor.at}::timestamptz, ${cursor.rank}::int, ${cursor.rowId}::bigint)` : Prisma.sql`true`}
    order by at desc, rank desc, "rowId" desc
    limit ${input.limit + 1}`;

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    department: { code: department.code, name: department.name, stateCode: department.stateCode },
    events: page.map(
      (row) =>
        ({
          id: `${row.kind}:${row.rowId}`,
          kind: row.kind,
          at: row.at,
          dateOnly: DATE_ONLY.has(row.kind),
          data: row.data,
        }) as TimelineEvent,
    ),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ at: last.at, rank: last.rank, rowId: Number(last.rowId) }) : null,
  };
}
