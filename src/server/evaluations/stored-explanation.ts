import { Prisma } from "../../generated/prisma/client";
import type { DepartmentKind, Level, RuleSetVersionStatus } from "../../generated/prisma/enums";
import { type Scope, departmentSqlFilter } from "../authz/scope";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import type { DataWarning } from "../rules/evaluate";
import { compileDefinition } from "../rules/definition";
import { type PeerPercentile, SIZE_BANDS, type SizeBand, percentileFromCounts, sizeBand, sizeBandRange } from "./peer-percentile";
import { type PersistedRule, readPersistedRules } from "./persisted";

type StoredRow = {
  id: number;
  code: string;
  name: string;
  kind: DepartmentKind;
  stateCode: string;
  authorizedStrength: number | null;
  found: boolean;
  level: Level;
  insufficientData: boolean;
  warnings: unknown;
  activeOfficers: number | null;
  rules: unknown;
  asOf: string;
  versionId: number;
  ruleSetId: string;
  version: number;
  status: RuleSetVersionStatus;
  definition: unknown;
  /** Per rule, in order: peers of the band with a value, and how many are below / equal to the department's. */
  counts: { below: number; equal: number; peers: number }[] | null;
};

/** `coalesce(activeOfficers, 0)` within each band, as a CASE that names the band (same edges as sizeBand). */
const BAND_OF = (column: Prisma.Sql) =>
  Prisma.sql`case ${Prisma.join(
    SIZE_BANDS.map((band) => {
      const { min, max } = sizeBandRange(band);
      const conditions = [
        min === null ? null : Prisma.sql`${column} >= ${min}`,
        max === null ? null : Prisma.sql`${column} < ${max}`,
      ].filter((c) => c !== null);
      return Prisma.sql`when ${Prisma.join(conditions, " and ")} then ${band}::text`;
    }),
    " ",
  )} end`;

export function storedExplanationSql(scope: Scope, departmentCode: string, runId: number): Prisma.Sql {
  const band = BAND_OF(Prisma.sql`coalesce(r."activeOfficers", 0)`);
  return Prisma.sql`    select d.id, d.code, d.name, d.kind, d."stateCode", d."authorizedStrength", r.id is not null as found,
           r.level, r."insufficientData", r.warnings, r."activeOfficers", r.rules, to_char(r."asOf", 'YYYY-MM-DD') as "asOf",
           v.id as "versionId", v."ruleSetId", v.version, v.status, v.definition,
           (select json_agg(json_build_object('below', c.below, 'equal', c.equal, 'peers', c.peers) order by c.i)
            from (
              select mine.i,
                     count(pv.v) filter (where pv.v < mine.v)::int as below,
                     count(pv.v) filter (where pv.v = mine.v)::int as equal,
                     count(pv.v)::int as peers
              from jsonb_array_elements(r.rules) with ordinality as mine_rule(rule, i)
              cross join lateral (select mine_rule.i, (mine_rule.rule ->> 'value')::float8 as v) mine
              -- Each peer's stored rules are read (de-TOASTed) once, into an array of their values.
              left join (
                select array(select (e.rule ->> 'value')::float8 from jsonb_array_elements(p.rules) with ordinality e(rule, k) order by e.k) as vals
                from "EvaluationResult" p join "Department" pd on pd.id = p."departmentId"
                where p."runId" = ${runId} and pd.kind = d.kind and ${BAND_OF(Prisma.sql`coalesce(p."activeOfficers", 0)`)} = ${band}
              ) peer on true
              cross join lateral (select peer.vals[mine.i] as v) pv
              group by mine.i
            ) c) as counts
    from "Department" d
    left join lateral (
      select er.*, run."asOf", run."ruleSetVersionId" from "EvaluationResult" er join "EvaluationRun" run on run.id = er."runId"
      where er."runId" = ${runId} and er."departmentId" = d.id and run.status = 'SUCCEEDED'
    ) r on true
    left join "RuleSetVersion" v on v.id = r."ruleSetVersionId"
    where d.code = ${departmentCode} and ${departmentSqlFilter(scope, "d")}`;
}

/**
 * A department's stored result of a run, its rule-set version, and where each rule's value sits among
 * the run's results for departments of the same kind and size band — in one statement. The percentile
 * counts are made in SQL over float8 values (what JavaScript reads from the same JSON numbers), so they
 * equal `peerPercentile` over the peers' rows without shipping every peer's row. The caller's scope is
 * in the department's where; `found` is false when the run has no succeeded result for it.
 */
export async function readStoredExplanation(db: Db, scope: Scope, departmentCode: string, runId: number) {
  const [row] = await db.$queryRaw<StoredRow[]>(storedExplanationSql(scope, departmentCode, runId));
  if (!row) throw notFound("Department");
  if (!row.found) throw notFound(`Evaluation result of run ${runId} for this department`);
  const rules: PersistedRule[] = readPersistedRules(row.rules);
  const ownBand: SizeBand = sizeBand(row.activeOfficers ?? 0);
  const percentiles: PeerPercentile[] = rules.map((rule, i) =>
    percentileFromCounts(ownBand, rule.value, row.counts?.[i] ?? { below: 0, equal: 0, peers: 0 }),
  );
  return {
    department: {
      id: row.id,
      code: row.code,
      name: row.name,
      kind: row.kind,
      stateCode: row.stateCode,
      authorizedStrength: row.authorizedStrength,
    },
    asOf: row.asOf,
    level: row.level,
    insufficientData: row.insufficientData,
    warnings: row.warnings as DataWarning[],
    activeOfficers: row.activeOfficers,
    version: {
      id: row.versionId,
      ruleSetId: row.ruleSetId,
      version: row.version,
      status: row.status,
      rules: compileDefinition(row.definition),
    },
    rules,
    percentiles,
  };
}
