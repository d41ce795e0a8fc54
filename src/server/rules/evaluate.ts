import { Prisma } from "../../generated/prisma/client";
import type { DepartmentKind, Level } from "../../generated/prisma/enums";
import type { DbOrTx } from "../db/client";
import { isClient, refreshActiveOfficerCounts } from "./active-officer-counts";
import { partsBySource, queryInOneSnapshot } from "./concurrent";
import { type Figures, conditionHolds } from "./conditions";
import type { CompiledRule } from "./definition";
import { highestLevel, levelRank } from "./levels";
import type { MetricId } from "./metrics";
import { toNumber } from "./rational";
import { type EvaluationRow, type MemberRow, evaluationStatement, membersStatement } from "./sql";

export type RuleOutcome = {
  id: string;
  metric: MetricId;
  level: Level;
  /** The condition of the level fired, e.g. "V < 75"; null when the rule did not fire. */
  threshold: string | null;
  /** True when the metric needs active officers and the department has none. */
  insufficientData: boolean;
  /** The main figure as the nearest double (exact comparisons use `figures`). */
  value: number | null;
  /** Further output figures by output name (e.g. peer_median, count). */
  extras: Record<string, number | null>;
  figures: Figures;
};

export type DataWarning =
  | { code: "NO_ACTIVE_OFFICERS" }
  | { code: "OFFICERS_WITHOUT_VETTING"; count: number }
  | { code: "AUTHORIZED_STRENGTH_MISSING" }
  | { code: "ACTIVE_EXCEEDS_AUTHORIZED"; active: number; authorized: number }
  | { code: "ACTIVE_BELOW_HALF_AUTHORIZED"; active: number; authorized: number };

export type DepartmentEvaluation = {
  departmentId: number;
  code: string;
  name: string;
  kind: DepartmentKind;
  stateCode: string;
  /** Active officers at D. */
  n: number;
  authorizedStrength: number | null;
  level: Level;
  insufficientData: boolean;
  warnings: DataWarning[];
  rules: RuleOutcome[];
};

/** Completeness problems that make a department's figures less trustworthy (never change levels). */
function warningsFor(row: EvaluationRow): DataWarning[] {
  const warnings: DataWarning[] = [];
  if (row.n === 0) warnings.push({ code: "NO_ACTIVE_OFFICERS" });
  if (row.unvetted > 0) warnings.push({ code: "OFFICERS_WITHOUT_VETTING", count: row.unvetted });
  const authorized = row.authorized_strength;
  if (authorized === null) warnings.push({ code: "AUTHORIZED_STRENGTH_MISSING" });
  else if (row.n > authorized) warnings.push({ code: "ACTIVE_EXCEEDS_AUTHORIZED", active: row.n, authorized });
  // Fewer than half the authorized posts on file usually means an incomplete officer upload.
  else if (2 * row.n < authorized) warnings.push({ code: "ACTIVE_BELOW_HALF_AUTHORIZED", active: row.n, authorized });
  return warnings;
}

function bucketsOf(row: EvaluationRow, ruleIndex: number): Record<string, number> {
  const prefix = `${ruleIndex}:`;
  const buckets: Record<string, number> = {};
  for (const [key, count] of Object.entries(row.counts)) if (key.startsWith(prefix)) buckets[key.slice(prefix.length)] = count;
  return buckets;
}

const asNumber = (figures: Figures, name: string) => {
  const value = figures[name];
  return value == null ? null : toNumber(value);
};

export function outcomeOf(rule: CompiledRule, row: EvaluationRow, ruleIndex: number): RuleOutcome {
  const insufficientData = rule.metric.needsOfficers && row.n === 0;
  const figures = rule.bound.compute({ n: row.n, buckets: bucketsOf(row, ruleIndex), peers: row.peers[String(ruleIndex)] ?? null });
  const fired = insufficientData
    ? undefined
    : rule.levels.filter((l) => conditionHolds(l.when, figures)).sort((a, b) => levelRank(b.level) - levelRank(a.level))[0];
  const extras: Record<string, number | null> = {};
  for (const [name, figure] of Object.entries(rule.metric.extras)) extras[name] = asNumber(figures, figure);
  return {
    id: rule.id,
    metric: rule.metricId,
    level: fired?.level ?? "NONE",
    threshold: fired?.threshold ?? null,
    insufficientData,
    value: insufficientData ? null : asNumber(figures, rule.metric.value),
    extras,
    figures,
  };
}

/** The parts' rows joined by department: staffing from the first part (`partsBySource`), counts and peers from all. */
function mergeParts(parts: EvaluationRow[][]): EvaluationRow[] {
  const [first, ...others] = parts;
  const merged = new Map(first!.map((row) => [row.id, { ...row }]));
  for (const part of others) {
    for (const row of part) {
      const into = merged.get(row.id)!;
      into.counts = { ...into.counts, ...row.counts };
      into.peers = { ...into.peers, ...row.peers };
    }
  }
  return [...merged.values()];
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

// Splitting costs a few round trips and a second backend, which pays off from a few thousand officers
// (bench data, load 8: one department of 4,747 officers 99–105 ms split vs 119–132 ms in one statement;
// one of 76 officers 47 vs 37 ms). Officers ever employed, counted no further than the threshold.
const SPLIT_FROM_OFFICERS = 2_000;

async function worthSplitting(db: DbOrTx, where: Prisma.Sql): Promise<boolean> {
  if (!isClient(db)) return false;
  const [row] = await db.$queryRaw<{ n: number }[]>`
    select count(*)::int as n from (
      select 1 from "Officer" o join "Department" d on d.id = o."departmentId" where ${where} limit ${SPLIT_FROM_OFFICERS}) capped`;
  return (row?.n ?? 0) >= SPLIT_FROM_OFFICERS;
}

/**
 * Evaluates every department matching `where` (a condition on `"Department" d`) at `asOf`, set-based:
 * one statement, or for many officers outside a transaction one per metric source run side by side
 * in one snapshot (`split` forces either). Sorted by department code (code-unit order, independent of
 * the collation).
 */
export async function evaluateDepartments(
  db: DbOrTx,
  rules: CompiledRule[],
  asOf: string,
  where: Prisma.Sql = Prisma.sql`true`,
  options: { split?: boolean } = {},
): Promise<DepartmentEvaluation[]> {
  const split = isClient(db) && (options.split ?? (await worthSplitting(db, where)));
  const rows = split
    ? mergeParts(
        await queryInOneSnapshot<EvaluationRow>(
          db,
          partsBySource(rules).map((part) => evaluationStatement(rules, { asOf }, where, part)),
        ),
      )
    : // Inside a caller's transaction this also keeps to its snapshot, its own rows and its one connection.
      await db.$queryRaw<EvaluationRow[]>(evaluationStatement(rules, { asOf }, where));
  // Counted this time: store them for the next evaluation at D (only outside a caller's transaction,
  // whose snapshot may be old or hold uncommitted changes).
  if (rows[0] && !rows[0].peer_staff_cached && rules.some((rule) => rule.bound.peers) && isClient(db)) {
    await refreshActiveOfficerCounts(db, asOf);
  }
  return rows
    .map((row) => {
      const outcomes = rules.map((rule, i) => outcomeOf(rule, row, i));
      return {
        departmentId: row.id,
        code: row.code,
        name: row.name,
        kind: row.kind,
        stateCode: row.state_code,
        n: row.n,
        authorizedStrength: row.authorized_strength,
        level: highestLevel(outcomes.map((o) => o.level)),
        insufficientData: outcomes.some((o) => o.insufficientData),
        warnings: warningsFor(row),
        rules: outcomes,
      };
    })
    .sort(byCode);
}

/** The records behind chosen rules (by index) and buckets, for departments matching `where`. */
export async function ruleMembers(
  db: DbOrTx,
  rules: CompiledRule[],
  asOf: string,
  where: Prisma.Sql,
  wanted: { rule: number; buckets: readonly string[] | "all" }[],
): Promise<MemberRow[]> {
  if (wanted.length === 0) return [];
  return db.$queryRaw<MemberRow[]>(membersStatement(rules, { asOf }, where, wanted));
}
