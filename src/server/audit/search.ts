import { type AuditEvent, Prisma } from "../../generated/prisma/client";
import { type Scope, visibleStateCode } from "../authz/scope";
import type { Db } from "../db/client";
import { likeLiteral } from "../db/like";
import { type RequestOrigin, auditActor } from "./actor";
import { auditDayRange } from "./day-range";
import type { AuditFilterInput, ListAuditInput } from "./list-input";
import { recordAuditNow } from "./record";

export type AuditFilters = AuditFilterInput;

type Equality = { column: "stateCode" | "targetType" | "targetId" | "outcome" | "actorId"; equals: string | number };
type AuditCondition =
  | Equality
  | { column: "actorEmail"; containsInsensitive: string }
  | { column: "action"; startsWith: string }
  | { column: "occurredAt"; gte?: Date; lt?: Date };

/**
 * The filters as a list of column conditions, rendered to SQL by `sqlCondition` (the list and the CSV
 * export share `auditEventSqlFilter`). `actor` is a user id (digits)
 * or part of an email; `action` matches a whole action or a prefix (`auth.`); `from`/`to` are Mexico
 * City calendar days, inclusive. An email matches the event's own email (sign-ins) or its actor's. Searched text is literal: `%` and `_` match only themselves (likeLiteral).
 */
function filterConditions(filters: AuditFilters): AuditCondition[] {
  const { actor, action, targetType, targetId, stateCode, outcome } = filters;
  const occurredAt = auditDayRange(filters.from, filters.to);
  const conditions: (AuditCondition | false | undefined | "")[] = [
    actor &&
      (/^\d{1,9}$/.test(actor) ? { column: "actorId", equals: Number(actor) } : { column: "actorEmail", containsInsensitive: actor }),
    action && { column: "action", startsWith: action },
    targetType && { column: "targetType", equals: targetType },
    targetId && { column: "targetId", equals: targetId },
    stateCode && { column: "stateCode", equals: stateCode },
    outcome && { column: "outcome", equals: outcome },
    (occurredAt.gte || occurredAt.lt) && { column: "occurredAt", ...occurredAt },
  ];
  return conditions.filter((c): c is AuditCondition => Boolean(c));
}

/** Audit events about records of other states stay hidden from a state-restricted reader too. */
function scopeConditions(scope: Scope): AuditCondition[] {
  const visibleState = visibleStateCode(scope);
  return visibleState === null ? [] : [{ column: "stateCode", equals: visibleState }];
}

const auditConditions = (scope: Scope, filters: AuditFilters) => [...scopeConditions(scope), ...filterConditions(filters)];

function sqlCondition(c: AuditCondition): Prisma.Sql {
  if ("equals" in c) {
    return c.column === "outcome"
      ? Prisma.sql`outcome = ${c.equals}::"AuditOutcome"`
      : Prisma.sql`${Prisma.raw(`"${c.column}"`)} = ${c.equals}`;
  }
  if ("containsInsensitive" in c) {
    // An event names the email it was given only for sign-ins; every other event of a user carries
    // only the id, so the email is also looked up among the users (the user's email, not a past one).
    const pattern = Prisma.sql`('%' || ${likeLiteral(c.containsInsensitive)} || '%')`;
    return Prisma.sql`("actorEmail" ilike ${pattern} or "actorId" in (select id from "User" where email ilike ${pattern}))`;
  }
  if ("startsWith" in c) return Prisma.sql`action like (${likeLiteral(c.startsWith)} || '%')`;
  const bounds = [c.gte && Prisma.sql`"occurredAt" >= ${c.gte}`, c.lt && Prisma.sql`"occurredAt" < ${c.lt}`];
  return Prisma.join(
    bounds.filter((b): b is Prisma.Sql => Boolean(b)),
    " and ",
  );
}

/** The caller's scope and the filters as one SQL condition over `"AuditEvent"` (the list and the CSV export). */
export function auditEventSqlFilter(scope: Scope, filters: AuditFilters): Prisma.Sql {
  return sqlConditions(auditConditions(scope, filters));
}

function sqlConditions(conditions: AuditCondition[]): Prisma.Sql {
  return conditions.length === 0 ? Prisma.sql`true` : Prisma.join(conditions.map(sqlCondition), " and ");
}

/**
 * The exact number of matching events. Without a filter that is the per-state counts the AuditEvent
 * trigger keeps (migration audit_event_count_trigger), under the same scope condition, rather than a
 * count over the whole trail; with filters, a count over the events (index-only where an index fits).
 */
function totalSql(scope: Scope, filters: AuditFilters): Prisma.Sql {
  if (filterConditions(filters).length === 0) {
    return Prisma.sql`select coalesce(sum(events), 0)::int as total from "AuditEventCount" where ${sqlConditions(scopeConditions(scope))}`;
  }
  return Prisma.sql`select count(*)::int as total from "AuditEvent" where ${auditEventSqlFilter(scope, filters)}`;
}

/** The filters that were actually set, for the audit event that records the search itself. */
export function filtersUsed(filters: AuditFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}

/** Who the actor and the target are, in words, read by the same statement as the page. */
type AuditEventNames = {
  /** The acting user's name and current email (null for the system and anonymous requests). */
  actorName: string | null;
  actorUserEmail: string | null;
  /** The target's name where it is a user or a department. */
  targetName: string | null;
};

export type AuditEventView = Omit<AuditEvent, "id"> & AuditEventNames & { id: string };

export const auditEventView = (row: AuditEvent & AuditEventNames): AuditEventView => ({ ...row, id: row.id.toString() });

/**
 * One page of the audit trail, newest first, with the exact number of matching events. The read is one
 * statement (the count and the page; a row of nulls carries the count past the last page); reading the
 * trail is itself audited afterwards, and if that record fails the request fails, so a page is never
 * shown without its record.
 */
export async function listAuditEvents(db: Db, scope: Scope, input: ListAuditInput, origin?: RequestOrigin) {
  const { page, pageSize, ...filters } = input;
  const where = auditEventSqlFilter(scope, filters);
  const found = await db.$queryRaw<(((AuditEvent & AuditEventNames) | { id: null }) & { total: number })[]>`
    select t.total, e.*, au.name as "actorName", au.email as "actorUserEmail", coalesce(tu.name, td.name) as "targetName"
    from (${totalSql(scope, filters)}) t
    left join (select * from "AuditEvent" where ${where} order by id desc limit ${pageSize} offset ${(page - 1) * pageSize}) e on true
    left join "User" au on au.id = e."actorId"
    left join "User" tu on e."targetType" = 'User' and tu.id::text = e."targetId"
    left join "Department" td on e."targetType" = 'Department' and td.code = e."targetId"
    order by e.id desc`;
  const total = found[0]?.total ?? 0;
  const rows = found
    .filter((row): row is AuditEvent & AuditEventNames & { total: number } => row.id !== null)
    .map(({ total: _total, ...row }) => auditEventView(row));
  await recordAuditNow(db, {
    actor: auditActor(scope, origin),
    action: "audit.list",
    targetType: "AuditEvent",
    metadata: { filters: filtersUsed(filters), page, pageSize, total, shown: rows.length },
  });
  return { total, page, pageSize, rows };
}
