import { Prisma } from "../../generated/prisma/client";
import type { Level } from "../../generated/prisma/enums";
import { type RequestOrigin, auditActor } from "../audit/actor";
import { recordAuditNow } from "../audit/record";
import { type Scope, departmentWhere } from "../authz/scope";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors";
import { parseCalendarDate, todayIn } from "../rules/dates";
import { levelRank } from "../rules/levels";
import { type DataWarning, evaluateDepartments, ruleMembers } from "../rules/evaluate";
import { type LoadedRuleSetVersion, loadRuleSetVersion } from "../rules/rule-sets";
import { type PeerPercentile, peerPercentile } from "./peer-percentile";
import { type PersistedRule, evidenceOf, persistedRule } from "./persisted";
import { readStoredExplanation } from "./stored-explanation";

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
  department: {
    code: string;
    name: string;
    kind: string;
    stateCode: string;
    authorizedStrength: number | null;
    activeOfficers: number | null;
  };
  source: { kind: "run"; runId: number } | { kind: "live" };
  asOf: string;
  ruleSet: { id: string; version: number };
  level: Level;
  insufficientData: boolean;
  warnings: DataWarning[];
  rules: RuleExplanation[];
};

type Assessment = Omit<DepartmentExplanation, "department" | "rules"> & {
  department: { id: number; code: string; name: string; kind: string; stateCode: string; authorizedStrength: number | null };
  activeOfficers: number | null;
  version: LoadedRuleSetVersion;
  rules: PersistedRule[];
  /** Per rule, where the department's value sits among departments of the same kind and size band. */
  percentiles: PeerPercentile[];
};

/** A stored run as stored: one statement (see stored-explanation.ts). */
async function storedAssessment(db: Db, scope: Scope, departmentCode: string, runId: number): Promise<Assessment> {
  const stored = await readStoredExplanation(db, scope, departmentCode, runId);
  const { version } = stored;
  return { ...stored, source: { kind: "run", runId }, ruleSet: { id: version.ruleSetId, version: version.version } };
}

async function liveAssessment(db: Db, scope: Scope, departmentCode: string, asOf: string): Promise<Assessment> {
  const department = await db.department.findFirst({ where: { AND: [departmentWhere(scope), { code: departmentCode }] } });
  if (!department) throw notFound("Department");
  const version = await loadRuleSetVersion(db);
  // The whole kind is evaluated (one statement) because percentiles compare with every peer.
  const all = await evaluateDepartments(db, version.rules, asOf, Prisma.sql`d.kind = ${department.kind}::"DepartmentKind"`);
  const mine = all.find((e) => e.departmentId === department.id)!;
  const members = await ruleMembers(
    db,
    version.rules,
    asOf,
    Prisma.sql`d.id = ${department.id}`,
    version.rules.map((_, rule) => ({ rule, buckets: "all" as const })),
  );
  return {
    department,
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
    percentiles: mine.rules.map((outcome, i) =>
      peerPercentile(
        outcome.value,
        mine.n,
        all.map((e) => ({ n: e.n, value: e.rules[i]?.value ?? null })),
      ),
    ),
  };
}

/**
 * Why a department has its level: per rule the figures, the threshold crossed, the level, where it
 * sits among peers of its kind and size band, and the records counted. Out-of-scope departments are
 * not found. Officer ids and complaint references are sensitive, so every explanation is audited.
 */
export async function explainDepartment(
  db: Db,
  scope: Scope,
  departmentCode: string,
  options: ExplainOptions = {},
): Promise<DepartmentExplanation> {
  if (options.runId !== undefined && options.asOf !== undefined)
    throw new AppError("BAD_REQUEST", "Give either a run or an evaluation date, not both");
  const asOf = options.asOf ?? todayIn();
  if (parseCalendarDate(asOf) === null) throw new AppError("BAD_REQUEST", `Invalid evaluation date '${asOf}': expected YYYY-MM-DD`);
  const assessment =
    options.runId !== undefined
      ? await storedAssessment(db, scope, departmentCode, options.runId)
      : await liveAssessment(db, scope, departmentCode, asOf);
  const { department } = assessment;
  const rules = assessment.rules.map((rule, i) => ({
    ...rule,
    thresholds: [...(assessment.version.rules[i]?.levels ?? [])]
      .sort((a, b) => levelRank(b.level) - levelRank(a.level))
      .map((l) => ({ level: l.level, condition: l.threshold })),
    percentile: assessment.percentiles[i]!,
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
