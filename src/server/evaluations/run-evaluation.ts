import { createHash } from "node:crypto";
import { Prisma } from "../../generated/prisma/client";
import type { EvaluationTrigger, Level } from "../../generated/prisma/enums";
import { recordEvaluationAlerts } from "../alerts/record";
import { type AuditActor, recordAudit, recordAuditNow } from "../audit/record";
import { refreshDashboardFigures } from "../dashboard/refresh";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { log } from "../log";
import { openRecommendationsOnLevelRise } from "../recommendations/open-on-level-rise";
import { updateExitCriteriaFromRun } from "../receivership/update-exit-criteria";
import { dbDate, parseCalendarDate } from "../rules/dates";
import type { CompiledRule } from "../rules/definition";
import { type DepartmentEvaluation, evaluateDepartments, ruleMembers } from "../rules/evaluate";
import { LEVELS } from "../rules/levels";
import { type LoadedRuleSetVersion, type RuleSetRef, loadRuleSetVersion } from "../rules/rule-sets";
import { type EvidenceRecord, evidenceOf, persistedRule } from "./persisted";

export type RunEvaluationInput = {
  /** The evaluation date D, "YYYY-MM-DD". */
  asOf: string;
  /** Defaults to the latest published version of federal-baseline. */
  ruleSet?: RuleSetRef;
  trigger: EvaluationTrigger;
  /** Who asked; `userId: null` for the CLI and scheduled jobs. */
  actor: AuditActor;
};

export type EvaluationRunOutcome = {
  runId: number;
  ruleSetId: string;
  version: number;
  asOf: string;
  levels: Record<Level, number>;
  recommendationIds: number[];
  evaluations: DepartmentEvaluation[];
};

// Long enough for a national evaluation on a small server; far below "stuck".
const RUN_TIMEOUT_MS = 10 * 60_000;

/** A transaction-scoped lock per rule set: concurrent runs must not both compare against the same predecessor. */
const ruleSetLockKey = (ruleSetId: string) => createHash("sha256").update(`evaluation:${ruleSetId}`).digest().readInt32BE(0);

/** The records behind every fired rule, keyed "<rule index>:<department id>". */
async function evidenceOfFiredRules(tx: Tx, rules: CompiledRule[], asOf: string, evaluations: DepartmentEvaluation[]) {
  const fired = new Set<string>();
  const departments = new Set<number>();
  const ruleIndexes = new Set<number>();
  for (const e of evaluations) {
    e.rules.forEach((outcome, i) => {
      if (outcome.level === "NONE" || rules[i]!.metric.evidence.length === 0) return;
      fired.add(`${i}:${e.departmentId}`);
      departments.add(e.departmentId);
      ruleIndexes.add(i);
    });
  }
  const evidence = new Map<string, EvidenceRecord[]>([...fired].map((key) => [key, []]));
  if (fired.size === 0) return evidence;
  const rows = await ruleMembers(
    tx,
    rules,
    asOf,
    Prisma.sql`d.id in (${Prisma.join([...departments])})`,
    [...ruleIndexes].map((rule) => ({ rule, buckets: rules[rule]!.metric.evidence })),
  );
  for (const row of rows) evidence.get(`${row.rule}:${row.department_id}`)?.push(evidenceOf(row));
  return evidence;
}

async function persist(tx: Tx, runId: number, version: LoadedRuleSetVersion, input: RunEvaluationInput) {
  await tx.$executeRaw`select pg_advisory_xact_lock(${ruleSetLockKey(version.ruleSetId)})`;
  const evaluations = await evaluateDepartments(tx, version.rules, input.asOf);
  const evidence = await evidenceOfFiredRules(tx, version.rules, input.asOf, evaluations);
  const results = await tx.evaluationResult.createManyAndReturn({
    data: evaluations.map((e) => ({
      runId,
      departmentId: e.departmentId,
      level: e.level,
      insufficientData: e.insufficientData,
      activeOfficers: e.n,
      warnings: e.warnings,
      rules: e.rules.map((outcome, i) =>
        persistedRule(outcome, version.rules[i]!.title, evidence.get(`${i}:${e.departmentId}`) ?? null),
      ) as Prisma.InputJsonValue,
    })),
    select: { id: true, departmentId: true },
  });
  const resultIds = new Map(results.map((r) => [r.departmentId, r.id]));
  // Backtests replay the past: they never open recommendations.
  const recommendationIds =
    input.trigger === "BACKTEST"
      ? []
      : await openRecommendationsOnLevelRise(
          tx,
          { id: runId, ruleSetId: version.ruleSetId, asOf: input.asOf },
          evaluations.map((e) => ({
            departmentId: e.departmentId,
            stateCode: e.stateCode,
            resultId: resultIds.get(e.departmentId)!,
            level: e.level,
          })),
          input.actor,
        );
  // Live receiverships' exit criteria move with every persisted run (backtests are ignored there).
  await updateExitCriteriaFromRun(tx, runId);
  await tx.evaluationRun.update({ where: { id: runId }, data: { status: "SUCCEEDED", finishedAt: new Date() } });
  // Level rises and the recommendations just opened alert (event + immediate emails) with the run itself.
  if (input.trigger !== "BACKTEST") await recordEvaluationAlerts(tx, runId);
  const levels = Object.fromEntries(LEVELS.map((l) => [l, evaluations.filter((e) => e.level === l).length])) as Record<Level, number>;
  await recordAudit(tx, {
    actor: input.actor,
    action: "evaluation.run",
    targetType: "EvaluationRun",
    targetId: runId,
    changes: { status: { before: "RUNNING", after: "SUCCEEDED" } },
    metadata: {
      ruleSetId: version.ruleSetId,
      version: version.version,
      asOf: input.asOf,
      trigger: input.trigger,
      levels,
      recommendationIds,
    },
  });
  return { evaluations, levels, recommendationIds };
}

/**
 * Evaluates every department and stores the run: one result per department with every rule's
 * figures, level, threshold and the records behind fired rules, and an OPEN recommendation wherever
 * the level rose. All of it commits together; a failure leaves only the run, marked FAILED.
 */
export async function runEvaluation(db: Db, input: RunEvaluationInput): Promise<EvaluationRunOutcome> {
  if (parseCalendarDate(input.asOf) === null)
    throw new AppError("BAD_REQUEST", `Invalid evaluation date '${input.asOf}': expected YYYY-MM-DD`);
  const version = await loadRuleSetVersion(db, input.ruleSet);
  if (version.status !== "PUBLISHED" && input.trigger !== "BACKTEST") {
    throw new AppError(
      "PRECONDITION_FAILED",
      `Rule set ${version.ruleSetId} version ${version.version} is a draft: only published versions can be persisted (except as a backtest)`,
    );
  }
  const run = await db.$transaction(async (tx) => {
    const created = await tx.evaluationRun.create({
      data: { ruleSetVersionId: version.id, asOf: dbDate(input.asOf), trigger: input.trigger, createdById: input.actor.userId },
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: "evaluation.start",
      targetType: "EvaluationRun",
      targetId: created.id,
      changes: { status: { before: null, after: "RUNNING" } },
      metadata: { ruleSetId: version.ruleSetId, version: version.version, asOf: input.asOf, trigger: input.trigger },
    });
    return created;
  });
  try {
    const outcome = await db.$transaction((tx) => persist(tx, run.id, version, input), { timeout: RUN_TIMEOUT_MS, maxWait: 60_000 });
    if (input.trigger !== "BACKTEST") await refreshDashboardFigures(db);
    return { runId: run.id, ruleSetId: version.ruleSetId, version: version.version, asOf: input.asOf, ...outcome };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log.error(`Evaluation run ${run.id} failed`, { error: message });
    await db.evaluationRun.update({
      where: { id: run.id },
      data: { status: "FAILED", error: message.slice(0, 4000), finishedAt: new Date() },
    });
    await recordAuditNow(db, {
      actor: input.actor,
      action: "evaluation.run",
      targetType: "EvaluationRun",
      targetId: run.id,
      changes: { status: { before: "RUNNING", after: "FAILED" } },
      metadata: {
        ruleSetId: version.ruleSetId,
        version: version.version,
        asOf: input.asOf,
        trigger: input.trigger,
        error: message.slice(0, 500),
      },
    });
    throw err;
  }
}
