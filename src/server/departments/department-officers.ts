import { Prisma } from "../../generated/prisma/client";
import { type AuditActor, recordAuditNow } from "../audit/record";
import type { Scope } from "../authz/scope";
import type { Db } from "../db/client";
import { dashboardToday } from "../dashboard/as-of";
import { type OfficerStanding, activeOfficersWhere, officerStandingsSql } from "../officers/standing";
import { type RosterPageInput, containsPattern, rosterPage, searchText } from "./roster-page";

/**
 * One page of the dossier's officers table: the officers active at `asOf`, by name, with their vetting
 * and training standing, and how many match. `q` finds an officer by id or by name (either order),
 * case-insensitively. The page names officers, so each one is audited as `department.officers.view`.
 */
export async function departmentOfficers(db: Db, scope: Scope, actor: AuditActor, input: RosterPageInput, asOf = dashboardToday()) {
  const q = searchText(input.q);
  const search = q
    ? Prisma.sql`and (o.id ilike ${containsPattern(q)} or (o."givenName" || ' ' || o."familyName") ilike ${containsPattern(q)}
        or (o."familyName" || ' ' || o."givenName") ilike ${containsPattern(q)} or (o."familyName" || ', ' || o."givenName") ilike ${containsPattern(q)})`
    : Prisma.empty;
  const page = await rosterPage<OfficerStanding>(db, scope, input, {
    matched: Prisma.sql`select o.id as key, o."familyName", o."givenName" from "Officer" o, d where ${activeOfficersWhere(Prisma.sql`d.id`, asOf)} ${search}`,
    order: Prisma.sql`"familyName", "givenName", key`,
    rowsOf: (keys) => officerStandingsSql(Prisma.sql`o.id in ${keys}`, asOf),
  });
  await recordAuditNow(db, {
    actor,
    action: "department.officers.view",
    targetType: "Department",
    targetId: page.department.code,
    stateCode: page.department.stateCode,
    metadata: { page: page.page, pageSize: page.pageSize, q, shown: page.rows.length },
  });
  return { asOf, ...page, q };
}
