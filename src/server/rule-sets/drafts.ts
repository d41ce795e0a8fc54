import type { Prisma } from "../../generated/prisma/client";
import { recordAudit } from "../audit/record";
import type { Db, Tx } from "../db/client";
import { AppError, notFound, staleVersion } from "../errors";
import { type WorkflowScope, actorFromScope, changedFields, requirePermission } from "../workflow/context";
import { validDefinition } from "./validate";

export const MAX_NOTES = 2000;

/**
 * Serialises every change of a rule set's versions (draft numbers, publishing): the row lock on the
 * rule set is held until the transaction ends.
 */
export async function lockRuleSet(tx: Tx, ruleSetId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`select id from "RuleSet" where id = ${ruleSetId} for update`;
  if (locked.length === 0) throw notFound(`Rule set '${ruleSetId}'`);
}

/**
 * The draft `id` as the caller last saw it (`lockVersion`), locked for the change, or the reason it
 * cannot be changed: gone, published (immutable), or changed by someone else since.
 */
export async function draftForChange(tx: Tx, id: number, lockVersion: number) {
  const [row] = await tx.$queryRaw<{ ruleSetId: string }[]>`select "ruleSetId" from "RuleSetVersion" where id = ${id}`;
  if (!row) throw notFound(`Rule set version ${id}`);
  await lockRuleSet(tx, row.ruleSetId);
  const draft = await tx.ruleSetVersion.findUniqueOrThrow({ where: { id } });
  if (draft.status !== "DRAFT") {
    throw new AppError(
      "PRECONDITION_FAILED",
      `Version ${draft.version} of ${draft.ruleSetId} is published and cannot be changed: create a new draft from it`,
    );
  }
  if (draft.lockVersion !== lockVersion) throw staleVersion(`Draft version ${draft.version} of ${draft.ruleSetId}`);
  return draft;
}

/** A new draft, a copy of a published version, numbered after every existing version of its rule set. */
export async function createDraft(db: Db, scope: WorkflowScope, input: { fromVersionId: number; notes?: string }) {
  requirePermission(scope, "rules.manage");
  return db.$transaction(async (tx) => {
    const source = await tx.ruleSetVersion.findUnique({ where: { id: input.fromVersionId } });
    if (!source) throw notFound(`Rule set version ${input.fromVersionId}`);
    if (source.status !== "PUBLISHED") {
      throw new AppError("PRECONDITION_FAILED", `Drafts start from a published version; version ${source.version} is itself a draft`);
    }
    await lockRuleSet(tx, source.ruleSetId);
    const { _max } = await tx.ruleSetVersion.aggregate({ where: { ruleSetId: source.ruleSetId }, _max: { version: true } });
    const draft = await tx.ruleSetVersion.create({
      data: {
        ruleSetId: source.ruleSetId,
        version: (_max.version ?? 0) + 1,
        status: "DRAFT",
        definition: source.definition as Prisma.InputJsonValue,
        basedOnId: source.id,
        notes: (input.notes ?? "").trim().slice(0, MAX_NOTES),
        createdById: scope.userId,
      },
    });
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: "ruleSet.draft.create",
      targetType: "RuleSetVersion",
      targetId: draft.id,
      changes: { status: { before: null, after: "DRAFT" } },
      metadata: { ruleSetId: draft.ruleSetId, version: draft.version, basedOnVersion: source.version },
    });
    return { id: draft.id, version: draft.version, lockVersion: draft.lockVersion };
  });
}

export type UpdateDraftInput = { id: number; lockVersion: number; definition: unknown; notes?: string };

/** Saves a draft's rules (validated with the engine's schema first) and notes; a stale `lockVersion` is a conflict. */
export async function updateDraft(db: Db, scope: WorkflowScope, input: UpdateDraftInput) {
  requirePermission(scope, "rules.manage");
  const definition = validDefinition(input.definition);
  return db.$transaction(async (tx) => {
    const draft = await draftForChange(tx, input.id, input.lockVersion);
    const next = { definition, notes: input.notes === undefined ? draft.notes : input.notes.trim().slice(0, MAX_NOTES) };
    const saved = await tx.ruleSetVersion.updateMany({
      where: { id: draft.id, lockVersion: input.lockVersion, status: "DRAFT" },
      data: { definition: next.definition as Prisma.InputJsonValue, notes: next.notes, lockVersion: { increment: 1 } },
    });
    if (saved.count === 0) throw staleVersion(`Draft version ${draft.version} of ${draft.ruleSetId}`);
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: "ruleSet.draft.update",
      targetType: "RuleSetVersion",
      targetId: draft.id,
      changes: changedFields(draft, next),
      metadata: { ruleSetId: draft.ruleSetId, version: draft.version },
    });
    return { id: draft.id, lockVersion: input.lockVersion + 1 };
  });
}

/** Deletes a draft (and its backtests). Published versions stay forever. */
export async function deleteDraft(db: Db, scope: WorkflowScope, input: { id: number; lockVersion: number }) {
  requirePermission(scope, "rules.manage");
  return db.$transaction(async (tx) => {
    const draft = await draftForChange(tx, input.id, input.lockVersion);
    const runs = await tx.evaluationRun.count({ where: { ruleSetVersionId: draft.id } });
    if (runs > 0)
      throw new AppError(
        "PRECONDITION_FAILED",
        `Draft version ${draft.version} has ${runs} stored evaluation run(s) and cannot be deleted`,
      );
    await tx.ruleSetVersion.delete({ where: { id: draft.id } });
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: "ruleSet.draft.delete",
      targetType: "RuleSetVersion",
      targetId: draft.id,
      changes: { status: { before: "DRAFT", after: null }, definition: { before: draft.definition, after: null } },
      metadata: { ruleSetId: draft.ruleSetId, version: draft.version },
    });
    return { id: draft.id };
  });
}
