import type { DismissReason } from "../../generated/prisma/enums";
import { recordAudit } from "../audit/record";
import { addComment } from "../comments/comments";
import type { Db } from "../db/client";
import { approveReceivership } from "../receivership/approve";
import { liftReceivership } from "../receivership/end";
import { addMilestone, updateMilestone } from "../receivership/milestones";
import { proposeReceivership } from "../receivership/propose";
import { decideRecommendation } from "../recommendations/decide-recommendation";
import { closeReview, updateReview } from "../reviews/conduct-review";
import { openReview } from "../reviews/open-review";
import type { WorkflowScope } from "../workflow/context";
import { toDay, toYmd } from "./calendar";
import { demoActors, withFreshSession } from "./lifecycle-actors";
import { DEMO_LEGAL_BASIS, DISMISSALS, LIFECYCLE_DEPARTMENTS as AT, TEXT } from "./lifecycle-text";

// Two preparations at once must not both write the history: the first claims it under this lock.
const LIFECYCLE_LOCK_KEY = 7_411_005;

export type LifecycleSummary = { receiverships: number[]; reviews: number[]; decided: number[]; comments: number };

/**
 * The oversight lifecycle a fresh demo shows without anyone acting first, written through the
 * workflow services as the demo accounts (so every audit row, status change and the hash chain are
 * those of real actions): decided recommendations of each kind, open, overdue and closed reviews,
 * receivership cases at each stage and comments. docs/demo-data.md lists where. Business dates
 * (due dates, start and end dates, milestones) are relative to the as-of date `asOf`; the actions
 * themselves are recorded when the seeder runs. Written once, into a database whose workflow is untouched.
 */
export async function writeDemoLifecycle(db: Db, asOf: string): Promise<LifecycleSummary | null> {
  if (!(await claimLifecycle(db, asOf))) return null;
  const actors = await demoActors(db);
  const day = (offset: number) => toYmd(toDay(asOf) + offset);
  const summary: LifecycleSummary = { receiverships: [], reviews: [], decided: [], comments: 0 };
  const comment = async (actor: WorkflowScope, target: Parameters<typeof addComment>[2]["target"], body: string) => {
    await addComment(db, actor, { target, body });
    summary.comments++;
  };

  for (const [code, reason, justification] of DISMISSALS) {
    summary.decided.push(await dismiss(db, actors.supervisor, code, reason, justification));
  }

  // Reviews opened by accepting a recommendation: two on time, one overdue; and one an AG opened herself.
  const chilpancingo = await acceptIntoReview(db, actors.supervisor, AT.reviewOnTime, { ownerId: actors.analyst.userId, dueOn: day(30) });
  await updateReview(db, actors.analyst, { id: chilpancingo.reviewId, version: chilpancingo.version, findings: TEXT.chilpancingoFindings });
  await comment(actors.analyst, { type: "REVIEW", id: chilpancingo.reviewId }, TEXT.chilpancingoComment);
  const pachuca = await acceptIntoReview(db, actors.supervisor, AT.reviewWatch, { ownerId: actors.analyst.userId, dueOn: day(45) });
  const tepic = await acceptIntoReview(db, actors.supervisor, AT.reviewOverdue, { ownerId: actors.supervisor.userId, dueOn: day(-10) });
  const jalisco = await openReview(db, actors.jalisco, {
    departmentCode: AT.reviewByAttorneyGeneral,
    scope: TEXT.jaliscoScope,
    dueOn: day(-5),
  });
  summary.decided.push(chilpancingo.recommendationId, pachuca.recommendationId, tepic.recommendationId);
  summary.reviews.push(chilpancingo.reviewId, pachuca.reviewId, tepic.reviewId, jalisco.id);

  // Imposed: the AG's review ends proposing receivership; two approvals; some exit criteria met, a milestone due.
  const uruapan = await acceptIntoReview(db, actors.michoacan, AT.imposed, { dueOn: day(-20) });
  summary.decided.push(uruapan.recommendationId);
  summary.reviews.push(uruapan.reviewId);
  const worked = await updateReview(db, actors.michoacan, {
    id: uruapan.reviewId,
    version: uruapan.version,
    findings: TEXT.uruapanFindings,
    departmentResponse: TEXT.uruapanResponse,
  });
  await closeReview(db, actors.michoacan, {
    id: uruapan.reviewId,
    version: worked.version,
    decision: "PROPOSE_RECEIVERSHIP",
    decisionNotes: TEXT.uruapanDecision,
  });
  const imposed = await proposeReceivership(db, actors.supervisor, {
    departmentCode: AT.imposed,
    receivingAuthority: TEXT.michoacanAuthority,
    terms: TEXT.uruapanTerms,
    legalBasis: DEMO_LEGAL_BASIS,
    startDate: day(-30),
  });
  const installed = await addMilestone(db, actors.supervisor, { caseId: imposed.id, title: TEXT.milestoneCommand, dueOn: day(-25) });
  await updateMilestone(db, actors.supervisor, { id: installed.id, version: installed.version, completedOn: day(-28) });
  await addMilestone(db, actors.supervisor, { caseId: imposed.id, title: TEXT.milestoneSeparate, dueOn: day(5) });
  await addMilestone(db, actors.michoacan, { caseId: imposed.id, title: TEXT.milestoneRevet, dueOn: day(90) });
  const afterMilestones = await caseVersion(db, imposed.id);
  const firstApproval = await approve(db, actors.supervisor, imposed.id, afterMilestones);
  await approve(db, actors.michoacan, imposed.id, firstApproval);
  await comment(actors.michoacan, { type: "RECEIVERSHIP", id: imposed.id }, TEXT.uruapanComment);

  // Proposed, awaiting its second approval: accepting a RECEIVERSHIP-level recommendation.
  const oaxaca = await decideRecommendation(db, actors.supervisor, {
    ...(await openRecommendation(db, AT.proposed)),
    outcome: "ACCEPT",
    note: TEXT.oaxacaNote,
    receivership: { receivingAuthority: TEXT.oaxacaAuthority, terms: TEXT.oaxacaTerms, legalBasis: DEMO_LEGAL_BASIS, startDate: day(15) },
  });
  const proposedId = "receivershipId" in oaxaca ? oaxaca.receivershipId : failed(AT.proposed);
  summary.decided.push(oaxaca.id);
  await addMilestone(db, actors.supervisor, { caseId: proposedId, title: TEXT.milestoneRevet, dueOn: day(120) });
  await approve(db, actors.supervisor, proposedId, await caseVersion(db, proposedId));
  await comment(actors.analyst, { type: "RECEIVERSHIP", id: proposedId }, TEXT.oaxacaComment);

  // Lifted: imposed over a year ago, every exit criterion met by the current evaluation.
  const lifted = await proposeReceivership(db, actors.supervisor, {
    departmentCode: AT.lifted,
    receivingAuthority: TEXT.michoacanAuthority,
    terms: TEXT.moreliaTerms,
    legalBasis: DEMO_LEGAL_BASIS,
    startDate: day(-400),
  });
  const purge = await addMilestone(db, actors.supervisor, { caseId: lifted.id, title: TEXT.milestoneRevet, dueOn: day(-200) });
  await updateMilestone(db, actors.supervisor, { id: purge.id, version: purge.version, completedOn: day(-210) });
  const moreliaApproved = await approve(db, actors.supervisor, lifted.id, await caseVersion(db, lifted.id));
  const imposedVersion = await approve(db, actors.michoacan, lifted.id, moreliaApproved);
  await liftReceivership(db, actors.supervisor, { id: lifted.id, version: imposedVersion, endDate: day(-60), note: TEXT.moreliaLift });
  summary.receiverships.push(imposed.id, proposedId, lifted.id);

  await comment(actors.analyst, { type: "DEPARTMENT", departmentCode: AT.departmentComment }, TEXT.acapulcoComment);
  await comment(actors.supervisor, { type: "DEPARTMENT", departmentCode: AT.departmentComment }, TEXT.acapulcoReply);
  return summary;
}

/** Records that the history is being written, unless it was already or the workflow was used meanwhile. */
async function claimLifecycle(db: Db, asOf: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(${LIFECYCLE_LOCK_KEY})`;
    // One statement at a time: a transaction is one connection.
    if ((await tx.auditEvent.count({ where: { action: "demo.lifecycle" } })) > 0) return false;
    if ((await tx.review.count()) + (await tx.receivershipCase.count()) > 0) return false;
    if ((await tx.recommendation.count({ where: { status: { not: "OPEN" } } })) > 0) return false;
    await recordAudit(tx, { actor: { userId: null }, action: "demo.lifecycle", metadata: { asOf } });
    return true;
  });
}

async function openRecommendation(db: Db, departmentCode: string) {
  const found = await db.recommendation.findFirst({
    where: { status: "OPEN", department: { code: departmentCode } },
    orderBy: { id: "desc" },
    select: { id: true, version: true },
  });
  return found ?? failed(departmentCode);
}

function failed(departmentCode: string): never {
  throw new Error(`The demo history expects an open recommendation for ${departmentCode}, built to fire by the scenarios`);
}

async function dismiss(db: Db, actor: WorkflowScope, code: string, reason: DismissReason, justification: string) {
  const decided = await decideRecommendation(db, actor, {
    ...(await openRecommendation(db, code)),
    outcome: "DISMISS",
    reason,
    justification,
  });
  return decided.id;
}

async function acceptIntoReview(db: Db, actor: WorkflowScope, code: string, review: { ownerId?: number; dueOn: string }) {
  const decided = await decideRecommendation(db, actor, { ...(await openRecommendation(db, code)), outcome: "ACCEPT", review });
  if (!("reviewId" in decided)) failed(code);
  const { version } = await db.review.findUniqueOrThrow({ where: { id: decided.reviewId }, select: { version: true } });
  return { recommendationId: decided.id, reviewId: decided.reviewId, version };
}

async function caseVersion(db: Db, id: number) {
  return (await db.receivershipCase.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

async function approve(db: Db, actor: WorkflowScope, id: number, version: number) {
  const approved = await withFreshSession(db, actor, (scope) => approveReceivership(db, scope, { id, version }));
  return approved.version;
}
