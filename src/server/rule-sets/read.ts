import { z } from "zod";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { COMPARATORS } from "../rules/conditions";
import { LEVELS } from "../rules/levels";
import { METRICS, METRIC_IDS } from "../rules/metrics";
import { type WorkflowScope, requirePermission } from "../workflow/context";

const versionSummary = {
  id: true,
  version: true,
  status: true,
  notes: true,
  createdAt: true,
  publishedAt: true,
  lockVersion: true,
  basedOnId: true,
} as const;

/** Every rule set with its versions, newest first, and which version is the current (latest published) one. */
export async function listRuleSets(db: Db, scope: WorkflowScope) {
  requirePermission(scope, "rules.manage");
  const sets = await db.ruleSet.findMany({
    orderBy: { id: "asc" },
    include: { versions: { select: versionSummary, orderBy: { version: "desc" } } },
  });
  return sets.map((set) => ({
    id: set.id,
    name: set.name,
    description: set.description,
    currentVersionId: set.versions.find((v) => v.status === "PUBLISHED")?.id ?? null,
    versions: set.versions,
  }));
}

/**
 * What the editor form is built from: each metric's figures (what conditions may compare) and the
 * JSON Schema of its parameters, generated from the very zod schema the engine validates with.
 */
export function metricCatalogue() {
  return {
    levels: LEVELS.filter((l) => l !== "NONE"),
    comparators: COMPARATORS,
    metrics: Object.fromEntries(
      METRIC_IDS.map((id) => [
        id,
        { title: METRICS[id].title, figures: METRICS[id].figures, params: z.toJSONSchema(METRICS[id].params, { unrepresentable: "any" }) },
      ]),
    ),
  };
}

/** One version with its definition, the version it was based on, and the editor's catalogue. */
export async function getRuleSetVersion(db: Db, scope: WorkflowScope, input: { id: number }) {
  requirePermission(scope, "rules.manage");
  const version = await db.ruleSetVersion.findUnique({ where: { id: input.id }, include: { ruleSet: { select: { name: true } } } });
  if (!version) throw notFound(`Rule set version ${input.id}`);
  const [basedOn, current] = await Promise.all([
    version.basedOnId ? db.ruleSetVersion.findUnique({ where: { id: version.basedOnId }, select: { id: true, version: true } }) : null,
    db.ruleSetVersion.findFirst({
      where: { ruleSetId: version.ruleSetId, status: "PUBLISHED" },
      orderBy: { version: "desc" },
      select: { id: true, version: true },
    }),
  ]);
  return {
    id: version.id,
    ruleSetId: version.ruleSetId,
    ruleSetName: version.ruleSet.name,
    version: version.version,
    status: version.status,
    lockVersion: version.lockVersion,
    notes: version.notes,
    createdAt: version.createdAt,
    publishedAt: version.publishedAt,
    definition: version.definition,
    basedOn,
    current,
    catalogue: metricCatalogue(),
  };
}
