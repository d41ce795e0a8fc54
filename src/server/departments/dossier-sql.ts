import { Prisma } from "../../generated/prisma/client";
import type {
  CriterionComparator,
  DepartmentKind,
  DismissReason,
  Level,
  ReceivershipStatus,
  RecommendationStatus,
  ReviewDecision,
  ReviewStatus,
} from "../../generated/prisma/enums";
import type { StoredRow } from "../dashboard/indicators-sql";
import { latestRunIdSql } from "../dashboard/latest-run";
import { dbDate } from "../rules/dates";

/**
 * The whole department dossier in one statement (each round trip costs the app more CPU than the
 * database spends on these small lists): one row, or none when `departmentWhere` (a condition on
 * `"Department" d` carrying the caller's scope and the code) matches nothing. Nested lists come back
 * as JSON, so dates arrive as ISO text and are turned back into the `Date`s the ORM used to give.
 * `figures` is `storedIndicatorsSql` for the same department (usable only when fresh). The officers
 * and complaints tables, which run to thousands of rows, are paged by their own small statements
 * (department-officers.ts, department-complaints.ts).
 */
export function dossierSql(departmentWhere: Prisma.Sql, figures: Prisma.Sql): Prisma.Sql {
  const list = (rows: Prisma.Sql) => Prisma.sql`(select coalesce(json_agg(x), '[]') from (${rows}) x)`;
  return Prisma.sql`
    select json_build_object('id', d.id, 'code', d.code, 'name', d.name, 'kind', d.kind, 'stateCode', d."stateCode",
             'authorizedStrength', d."authorizedStrength", 'stateName', s.name, 'municipalityName', m.name) as department,
      (select json_build_object('runId', er."runId", 'asOf', to_char(r."asOf", 'YYYY-MM-DD'), 'ruleSetId', v."ruleSetId",
                'ruleSetVersion', v.version, 'level', er.level, 'insufficientData', er."insufficientData")
       from "EvaluationResult" er
       join "EvaluationRun" r on r.id = er."runId"
       join "RuleSetVersion" v on v.id = r."ruleSetVersionId"
       where er."departmentId" = d.id and er."runId" = ${latestRunIdSql}) as evaluation,
      (select json_agg(f) from (${figures}) f) as figures,
      ${list(Prisma.sql`
        select rv.id, rv.status, rv.scope, rv.decision, rv."dueOn", rv."openedAt", rv."closedAt", u.name as "ownerName"
        from "Review" rv join "User" u on u.id = rv."ownerId"
        where rv."departmentId" = d.id order by rv."openedAt" desc, rv.id desc`)} as reviews,
      ${list(Prisma.sql`
        select rc.id, rc.level, rc."previousLevel", rc.status, rc."dismissReason", rc.justification, rc."decidedAt",
               rc."createdAt", u.name as "decidedByName"
        from "Recommendation" rc left join "User" u on u.id = rc."decidedById"
        where rc."departmentId" = d.id order by rc."createdAt" desc, rc.id desc`)} as recommendations,
      ${list(Prisma.sql`
        select k.id, k.status, k."legalBasis", k."receivingAuthority", k."startDate", k."endDate", k.terms,
          ${list(Prisma.sql`
            select e.id, e."ruleId", e.comparator, e.threshold, e."currentValue", e.met from "ReceivershipExitCriterion" e
            where e."caseId" = k.id order by e.id`)} as "exitCriteria",
          ${list(Prisma.sql`
            select ms.id, ms.title, ms."dueOn", ms."completedOn" from "ReceivershipMilestone" ms
            where ms."caseId" = k.id order by ms."dueOn", ms.id`)} as milestones
        from "ReceivershipCase" k
        where k."departmentId" = d.id order by k."createdAt" desc, k.id desc`)} as receiverships
    from "Department" d
    join "State" s on s.code = d."stateCode"
    left join "Municipality" m on m."stateCode" = d."stateCode" and m.code = d."municipalityCode"
    where ${departmentWhere}`;
}

type Day = string;
type Instant = string;

export type DossierRow = {
  department: {
    id: number;
    code: string;
    name: string;
    kind: DepartmentKind;
    stateCode: string;
    authorizedStrength: number | null;
    stateName: string;
    municipalityName: string | null;
  };
  evaluation: { runId: number; asOf: string; ruleSetId: string; ruleSetVersion: number; level: Level; insufficientData: boolean } | null;
  figures: StoredRow[] | null;
  reviews: {
    id: number;
    status: ReviewStatus;
    scope: string;
    decision: ReviewDecision | null;
    dueOn: Day | null;
    openedAt: Instant;
    closedAt: Instant | null;
    ownerName: string;
  }[];
  recommendations: {
    id: number;
    level: Level;
    previousLevel: Level;
    status: RecommendationStatus;
    dismissReason: DismissReason | null;
    justification: string | null;
    decidedAt: Instant | null;
    createdAt: Instant;
    decidedByName: string | null;
  }[];
  receiverships: {
    id: number;
    status: ReceivershipStatus;
    legalBasis: string;
    receivingAuthority: string;
    startDate: Day | null;
    endDate: Day | null;
    terms: string;
    exitCriteria: {
      id: number;
      ruleId: string;
      comparator: CriterionComparator;
      threshold: number;
      currentValue: number | null;
      met: boolean | null;
    }[];
    milestones: { id: number; title: string; dueOn: Day; completedOn: Day | null }[];
  }[];
};

const dayOrNull = (value: Day | null) => (value === null ? null : dbDate(value));
// JSON renders timestamptz with its offset, so `Date` reads the same instant whatever the session's time zone.
const instantOrNull = (value: Instant | null) => (value === null ? null : new Date(value));

/** The lists in the shapes and types the ORM queries gave (dates as `Date`, related names nested). */
export function dossierLists(row: DossierRow) {
  return {
    reviews: row.reviews.map(({ ownerName, ...r }) => ({
      ...r,
      dueOn: dayOrNull(r.dueOn),
      openedAt: new Date(r.openedAt),
      closedAt: instantOrNull(r.closedAt),
      owner: { name: ownerName },
    })),
    recommendations: row.recommendations.map(({ decidedByName, ...r }) => ({
      ...r,
      decidedAt: instantOrNull(r.decidedAt),
      createdAt: new Date(r.createdAt),
      decidedBy: decidedByName === null ? null : { name: decidedByName },
    })),
    receiverships: row.receiverships.map((c) => ({
      ...c,
      startDate: dayOrNull(c.startDate),
      endDate: dayOrNull(c.endDate),
      milestones: c.milestones.map((m) => ({ ...m, dueOn: dbDate(m.dueOn), completedOn: dayOrNull(m.completedOn) })),
    })),
  };
}
