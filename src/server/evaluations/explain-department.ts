import { Prisma } from "../../generated/prisma/client";
import type { Level } from "../../generated/prisma/enums";
import { type RequestOrigin, auditActor } from "../audit/actor";
import { recordAuditNow } from "../audit/record";
import { type Scope, departmentWhere } from "../authz/scope";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors";
import { parseCalendarDate, todayIn, ymdOf } from "../rules/dates";
import { levelRank } from "../rules/levels";
import { type DataWarning, evaluateDepartments, ruleMembers } from "../rules/evaluate";
import { type LoadedRuleSetVersion, loadRuleSetVersion, loadRuleSetVersionById } from "../rules/rule-sets";
import { type PeerPercentile, peerPercentile, sizeBand, sizeBandRange } from "./peer-percentile";
import { type PersistedRule, evidenceOf, persistedRule, readPersistedRules } from "./persisted";

export type ExplainOptions = {
  /** Explain a stored run (figures as stored, records behind fired rules as stored). */
  runId?: number;
  /** Explain a fresh evaluation at this date (default today in Mexico City), with every record counted. */
  asOf?: string;
  origin?: RequestOrigin | null;
};

export type RuleExplanation = PersistedRule & {
  /** Every level the rule can fire and its condition, highest first. */
  thresholds: { level: Level; condition: string }[];
  percentile: PeerPercentile;
};

export type DepartmentExplanation = {
  department: { code: string; name: string; kind: string; stateCode: string; authorizedStrength: number | null; activeOfficers: number | null };
  source: { kind: "run"; runId: number } | { kind: "live" };
  asOf: string;
  ruleSet: { id: string; version: number };
  level: Level;
  insufficientData: boolean;
  warnings: DataWarning[];
  rules: RuleExplanation[];
};

type Assessment = Omit<DepartmentExplanation, "department" | "rules"> & {
  activeOfficers: number | null;
  version: LoadedRuleSetVersion;
  rules: PersistedRule[];
  /** Active officers and rule values of every department of the same kind, for percentiles. */
  peers: { n: number; values: (number | null)[] }[];
};

async function storedAssessment(db: Db, departmentId: number, kind: string, runId: number): Promise<Assessment> {
  const result = await db.evaluationResult.findFirst({
    where: { runId, departmentId, run: { status: "SUCCEEDED" } },
    include: { run: true },
  });
  if (!result) throw notFound(`Evaluation result of run ${runId} for this department`);
  const version = await loadRuleSetVersionById(db, result.run.ruleSetVersionId);
  // Percentiles only compare within the department's size band, so only that band's peers are read
  // (the jsonb extraction over every result of the kind was most of this request's database time).
  const { min, max } = sizeBandRange(sizeBand(result.activeOfficers ?? 0));
  const peers = await db.$queryRaw<{ n: number | null; values: (number | null)[] }[]>`
    select r."activeOfficers" as n, jsonb_path_query_array(r.rules, '$[*].value') as values
    from "EvaluationResult" r join "Department" d on d.id = r."departmentId"
    where r."runId" = ${runId} and d.kind = ${kind}::"DepartmentKind"
      ${min === null ? Prisma.empty : Prisma.sql`and coalesce(r."activeOfficers", 0) >= ${min}`}
      ${max === null ? Prisma.empty : Prisma.sql`and coalesce(r."activeOfficers", 0) < ${max}`}`;
  return {
    source: { kind: "run", runId },
    asOf: ymdOf(result.run.asOf),
    ruleSet: { id: version.ruleSetId, version: version.version },
    level: result.level,
    insufficientData: result.insufficientData,
    warnings: result.warnings as DataWarning[],
    activeOfficers: result.activeOfficers,
    version,
    rules: readPersistedRules(result.rules),
    peers: peers.map((p) => ({ n: p.n ?? 0, values: p.values })),
  };
}

async function liveAssessment(db: Db, departmentId: number, kind: string, asOf: string): Promise<Assessment> {
  const version = await loadRuleSetVersion(db);
  // The whole kind is evaluated (one statement) because percentiles compare with every peer.
  const all = await evaluateDepartments(db, version.rules, asOf, Prisma.sql`d.kind = ${kind}::"DepartmentKind"`);
  const mine = all.find((e) => e.departmentId === departmentId)!;
  const members = await ruleMembers(db, version.rules, asOf, Prisma.sql`d.id = ${departmentId}`, version.rules.map((_, rule) => ({ rule, buckets: "all" as const })));
  return {
    source: { kind: "live" },
    asOf,
    ruleSet: { id: version.ruleSetId, version: version.version },
    level: mine.level,
    insufficientData: mine.insufficientData,
    warnings: mine.warnings,
    activeOfficers: mine.n,
    version,
    rules: mine.rules.map((outcome, i) =>
      persistedRule(outcome, version.rules[i]!.title, members.filter((m) => m.rule === i).map(evidenceOf)),
    ),
    peers: all.map((e) => ({ n: e.n, values: e.rules.map((r) => r.value) })),
  };
}

/**
 * Why a department has its level: per rule the figures, the threshold crossed, the level, where it
 * sits among peers of its kind and size band, and the records counted. Out-of-scope departments are
 * not found. Officer ids and complaint references are sensitive, so every explanation is audited.
 */
export async function explainDepartment(db: Db, scope: Scope, departmentCode: string, options: ExplainOptions = {}): Promise<DepartmentExplanation> {
  if (options.runId !== undefined && options.asOf !== undefined) throw new AppError("BAD_REQUEST", "Give either a run or an evaluation date, not both");
  const asOf = options.asOf ?? todayIn();
  if (parseCalendarDate(asOf) === null) throw new AppError("BAD_REQUEST", `Invalid evaluation date '${asOf}': expected YYYY-MM-DD`);
  const department = await db.department.findFirst({ where: { AND: [departmentWhere(scope), { code: departmentCode }] } });
  if (!department) throw notFound("Department");
  const assessment =
    options.runId !== undefined
      ? await storedAssessment(db, department.id, department.kind, options.runId)
      : await liveAssessment(db, department.id, department.kind, asOf);
  const n = assessment.activeOfficers ?? 0;
  const rules = assessment.rules.map((rule, i) => ({
    ...rule,
    thresholds: [...(assessment.version.rules[i]?.levels ?? [])]
      .sort((a, b) => levelRank(b.level) - levelRank(a.level))
      .map((l) => ({ level: l.level, condition: l.threshold })),
    percentile: peerPercentile(rule.value, n, assessment.peers.map((p) => ({ n: p.n, value: p.values[i] ?? null }))),
  }));
  await recordAuditNow(db, {
    actor: auditActor(scope, options.origin),
    action: "evaluation.explain",
    targetType: "Department",
    targetId: department.code,
    stateCode: department.stateCode,
    metadata: { source: assessment.source.kind, runId: options.runId ?? null, asOf: assessment.asOf, ruleSet: assessment.ruleSet },
  });
  return {
    department: {
      code: department.code,
      name: department.name,
      kind: department.kind,
      stateCode: department.stateCode,
      authorizedStrength: department.authorizedStrength,
      activeOfficers: assessment.activeOfficers,
    },
    source: assessment.source,
    asOf: assessment.asOf,
    ruleSet: assessment.ruleSet,
    level: assessment.level,
    insufficientData: assessment.insufficientData,
    warnings: assessment.warnings,
    rules,
  };
}
