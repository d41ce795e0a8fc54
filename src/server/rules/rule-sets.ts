import type { RuleSetVersionStatus } from "../../generated/prisma/enums";
import type { DbOrTx } from "../db/client";
import { AppError, notFound } from "../errors";
import { type CompiledRule, compileDefinition } from "./definition";

export const DEFAULT_RULE_SET = "federal-baseline";

export type RuleSetRef = { ruleSetId: string; version: number | null };

export type LoadedRuleSetVersion = {
  id: number;
  ruleSetId: string;
  version: number;
  status: RuleSetVersionStatus;
  rules: CompiledRule[];
};

/** Parses "ID" or "ID@VERSION" (the `--rule-set` option). */
export function parseRuleSetRef(text: string): RuleSetRef {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:@([1-9]\d{0,8}))?$/.exec(text);
  if (!match) throw new AppError("BAD_REQUEST", `Invalid rule set '${text}': expected ID or ID@VERSION, e.g. federal-baseline@1`);
  return { ruleSetId: match[1]!, version: match[2] ? Number(match[2]) : null };
}

/**
 * The version named, or the rule set's latest PUBLISHED version when none is named. Drafts are only
 * reachable by explicit version (to try them out); their definition is validated either way.
 */
export async function loadRuleSetVersion(
  db: DbOrTx,
  ref: RuleSetRef = { ruleSetId: DEFAULT_RULE_SET, version: null },
): Promise<LoadedRuleSetVersion> {
  const row = await db.ruleSetVersion.findFirst({
    where: { ruleSetId: ref.ruleSetId, ...(ref.version === null ? { status: "PUBLISHED" } : { version: ref.version }) },
    orderBy: { version: "desc" },
  });
  if (!row) {
    throw notFound(
      ref.version === null ? `Published version of rule set '${ref.ruleSetId}'` : `Rule set '${ref.ruleSetId}' version ${ref.version}`,
    );
  }
  return { id: row.id, ruleSetId: row.ruleSetId, version: row.version, status: row.status, rules: compileDefinition(row.definition) };
}

export async function loadRuleSetVersionById(db: DbOrTx, id: number): Promise<LoadedRuleSetVersion> {
  const row = await db.ruleSetVersion.findUnique({ where: { id } });
  if (!row) throw notFound(`Rule set version ${id}`);
  return { id: row.id, ruleSetId: row.ruleSetId, version: row.version, status: row.status, rules: compileDefinition(row.definition) };
}
