import type { Backtest } from "../../generated/prisma/client";
import { recordAudit } from "../audit/record";
import { trendPoints } from "../dashboard/as-of";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { log } from "../log";
import { dbDate, ymdOf } from "../rules/dates";
import { evaluateDepartments } from "../rules/evaluate";
import { type LoadedRuleSetVersion, loadRuleSetVersion, loadRuleSetVersionById } from "../rules/rule-sets";
import { type WorkflowScope, actorFromScope, requirePermission } from "../workflow/context";
import { evaluationDate, levelCounts } from "./dry-run";

export const BACKTEST_MONTHS = 24;

/** Hands a requested backtest to the background workers (pg-boss in the app; tests may run it inline). */
export type BacktestQueue = { enqueue(backtestId: number): Promise<void> };

/**
 * Records a backtest of a version over the 24 monthly dates ending `endOn` (default today in Mexico
 * City), compared with the rule set's current published version, and queues it.
 */
export async function requestBacktest(db: Db, scope: WorkflowScope, input: { versionId: number; endOn?: string }, queue: BacktestQueue) {
  requirePermission(scope, "rules.manage");
  const endOn = evaluationDate(input.endOn);
  const backtest = await db.$transaction(async (tx) => {
    const subject = await tx.ruleSetVersion.findUnique({ where: { id: input.versionId } });
    if (!subject) throw notFound(`Rule set version ${input.versionId}`);
    const baseline = await loadRuleSetVersion(tx, { ruleSetId: subject.ruleSetId, version: null });
    const series = baseline.id === subject.id ? 1 : 2;
    const created = await tx.backtest.create({
      data: {
        ruleSetVersionId: subject.id,
        baselineVersionId: baseline.id,
        endOn: dbDate(endOn),
        months: BACKTEST_MONTHS,
        totalSteps: BACKTEST_MONTHS * series,
        createdById: scope.userId,
      },
    });
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: "ruleSet.backtest.request",
      targetType: "Backtest",
      targetId: created.id,
      changes: { status: { before: null, after: "QUEUED" } },
      metadata: { ruleSetId: subject.ruleSetId, version: subject.version, baselineVersion: baseline.version, endOn },
    });
    return created;
  });
  try {
    await queue.enqueue(backtest.id);
  } catch (err) {
    // Nothing would ever pick it up: say so on the backtest instead of leaving it queued forever.
    await finish(db, backtest, "FAILED", `Could not queue the backtest: ${(err as Error).message}`.slice(0, 2000));
    throw err;
  }
  return { id: backtest.id };
}

async function recordPoint(db: Db, backtestId: number, baseline: boolean, asOf: string, version: LoadedRuleSetVersion) {
  const evaluations = await evaluateDepartments(db, version.rules, asOf);
  const counts = levelCounts(evaluations);
  const insufficientData = evaluations.filter((e) => e.insufficientData).length;
  // The point and the progress it represents commit together; a point already stored (a retried job) changes nothing.
  await db.$executeRaw`
    with point as (
      insert into "BacktestPoint" ("backtestId", baseline, "asOf", none, watch, review, receivership, "insufficientData")
      values (${backtestId}, ${baseline}, ${asOf}::date, ${counts.NONE}, ${counts.WATCH}, ${counts.REVIEW}, ${counts.RECEIVERSHIP}, ${insufficientData})
      on conflict do nothing returning 1)
    update "Backtest" set "completedSteps" = "completedSteps" + (select count(*) from point)::int where id = ${backtestId}`;
}

async function finish(db: Db, backtest: Backtest, status: "SUCCEEDED" | "FAILED", error: string | null) {
  await db.$transaction(async (tx) => {
    await tx.backtest.update({ where: { id: backtest.id }, data: { status, error, finishedAt: new Date() } });
    await recordAudit(tx, {
      actor: { userId: null },
      action: "ruleSet.backtest.finish",
      targetType: "Backtest",
      targetId: backtest.id,
      changes: { status: { before: backtest.status, after: status } },
      metadata: { requestedBy: backtest.createdById, error },
    });
  });
}

/**
 * The background job: evaluates every monthly date not yet stored, for the version tested and for
 * the baseline, storing departments per level after each evaluation (that is the progress). Resumes
 * where a crashed worker stopped; a finished backtest is left alone.
 */
export async function runBacktest(db: Db, backtestId: number): Promise<"ran" | "skipped"> {
  const claimed = await db.backtest.updateManyAndReturn({
    where: { id: backtestId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "RUNNING", startedAt: new Date() },
  });
  const backtest = claimed[0];
  if (!backtest) return "skipped";
  try {
    const subject = await loadRuleSetVersionById(db, backtest.ruleSetVersionId);
    const series = [{ baseline: false, version: subject }];
    if (backtest.baselineVersionId !== subject.id)
      series.push({ baseline: true, version: await loadRuleSetVersionById(db, backtest.baselineVersionId) });
    const stored = await db.backtestPoint.findMany({ where: { backtestId }, select: { baseline: true, asOf: true } });
    const done = new Set(stored.map((p) => `${p.baseline}:${ymdOf(p.asOf)}`));
    for (const asOf of trendPoints(ymdOf(backtest.endOn), backtest.months)) {
      for (const { baseline, version } of series) {
        if (!done.has(`${baseline}:${asOf}`)) await recordPoint(db, backtestId, baseline, asOf, version);
      }
    }
    await finish(db, backtest, "SUCCEEDED", null);
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
    log.error(`Backtest ${backtestId} failed`, { error: message });
    await finish(db, backtest, "FAILED", message);
  }
  return "ran";
}

export type BacktestView = Awaited<ReturnType<typeof getBacktest>>;

/**
 * A backtest's progress and, per monthly date, departments per level for the version and the
 * baseline. Counts only, no department or person: not audited as a view (the page polls it).
 */
export async function getBacktest(db: Db, scope: WorkflowScope, input: { id: number }) {
  requirePermission(scope, "rules.manage");
  const backtest = await db.backtest.findUnique({
    where: { id: input.id },
    include: {
      ruleSetVersion: { select: { id: true, ruleSetId: true, version: true, status: true } },
      baselineVersion: { select: { id: true, version: true } },
      points: { orderBy: [{ asOf: "asc" }, { baseline: "asc" }] },
    },
  });
  if (!backtest) throw notFound(`Backtest ${input.id}`);
  const sameVersion = backtest.baselineVersionId === backtest.ruleSetVersionId;
  const series = (baseline: boolean) =>
    backtest.points
      .filter((p) => p.baseline === baseline)
      .map((p) => ({
        asOf: ymdOf(p.asOf),
        NONE: p.none,
        WATCH: p.watch,
        REVIEW: p.review,
        RECEIVERSHIP: p.receivership,
        insufficientData: p.insufficientData,
      }));
  return {
    id: backtest.id,
    status: backtest.status,
    error: backtest.error,
    completedSteps: backtest.completedSteps,
    totalSteps: backtest.totalSteps,
    endOn: ymdOf(backtest.endOn),
    months: backtest.months,
    createdAt: backtest.createdAt,
    startedAt: backtest.startedAt,
    finishedAt: backtest.finishedAt,
    version: backtest.ruleSetVersion,
    baseline: sameVersion ? null : backtest.baselineVersion,
    points: series(false),
    baselinePoints: sameVersion ? null : series(true),
  };
}

/** The latest backtests of a version (newest first), for the editor's list. */
export async function listBacktests(db: Db, scope: WorkflowScope, input: { versionId: number }) {
  requirePermission(scope, "rules.manage");
  const rows = await db.backtest.findMany({
    where: { ruleSetVersionId: input.versionId },
    orderBy: { id: "desc" },
    take: 20,
    select: { id: true, status: true, completedSteps: true, totalSteps: true, endOn: true, createdAt: true, finishedAt: true },
  });
  return rows.map((row) => ({ ...row, endOn: ymdOf(row.endOn) }));
}
