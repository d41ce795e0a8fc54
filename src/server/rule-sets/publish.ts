import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { staleVersion } from "../errors";
import { compileDefinition } from "../rules/definition";
import { type WorkflowScope, actorFromScope, requirePermission } from "../workflow/context";
import { draftForChange } from "./drafts";

/**
 * Publishes a draft: it becomes the rule set's next version (one above the newest published one,
 * whatever number it had as a draft) and from then on the database refuses any change to it. Drafts
 * are numbered above every published version, so when another draft holds that next number the two
 * swap numbers; all of it under the rule set's lock, so two publishes can never get the same number.
 */
export async function publishDraft(db: Db, scope: WorkflowScope, input: { id: number; lockVersion: number }) {
  requirePermission(scope, "rules.manage");
  return db.$transaction(async (tx) => {
    const draft = await draftForChange(tx, input.id, input.lockVersion);
    // Saved drafts are always valid; this guards drafts written by other means.
    compileDefinition(draft.definition);
    const previous = await tx.ruleSetVersion.findFirst({
      where: { ruleSetId: draft.ruleSetId, status: "PUBLISHED" },
      orderBy: { version: "desc" },
    });
    const version = (previous?.version ?? 0) + 1;
    const holder =
      draft.version === version
        ? null
        : await tx.ruleSetVersion.findUnique({ where: { ruleSetId_version: { ruleSetId: draft.ruleSetId, version } } });
    // A negative number parks the other draft for a moment (the pair is unique).
    if (holder) await tx.ruleSetVersion.update({ where: { id: holder.id }, data: { version: -holder.id } });
    const published = await tx.ruleSetVersion.updateMany({
      where: { id: draft.id, lockVersion: input.lockVersion, status: "DRAFT" },
      data: { status: "PUBLISHED", version, publishedAt: new Date(), lockVersion: { increment: 1 } },
    });
    if (published.count === 0) throw staleVersion(`Draft version ${draft.version} of ${draft.ruleSetId}`);
    if (holder) await tx.ruleSetVersion.update({ where: { id: holder.id }, data: { version: draft.version } });
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: "ruleSet.publish",
      targetType: "RuleSetVersion",
      targetId: draft.id,
      changes: { status: { before: "DRAFT", after: "PUBLISHED" }, version: { before: draft.version, after: version } },
      metadata: {
        ruleSetId: draft.ruleSetId,
        replacesVersion: previous?.version ?? null,
        renumberedDraft: holder ? { id: holder.id, from: version, to: draft.version } : null,
      },
    });
    return { id: draft.id, version };
  });
}
