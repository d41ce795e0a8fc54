import { z } from "zod";
import type { RuleOutcome } from "../rules/evaluate";
import { toNumber } from "../rules/rational";
import type { MemberRow } from "../rules/sql";

/**
 * How a rule's outcome is kept in `EvaluationResult.rules` (a JSON array, one entry per rule, in the
 * rule set's order). `id`, `level`, `value` and the extra output keys (`count`, `peer_median`, `k1`,
 * `k2`) sit at the top level exactly as in `vigila evaluate --json`; the rest is what an explanation
 * of the run needs later: every figure (as a number and as an exact fraction), the threshold crossed,
 * and the records behind a fired rule.
 */
export type EvidenceRecord = { bucket: string; officerId: string | null; vettingId: number | null; complaintRef: string | null };

export const ZPersistedRule = z.looseObject({
  id: z.string(),
  level: z.enum(["NONE", "WATCH", "REVIEW", "RECEIVERSHIP"]),
  value: z.number().nullable(),
  threshold: z.string().nullable(),
  title: z.string(),
  metric: z.string(),
  insufficientData: z.boolean(),
  figures: z.record(z.string(), z.number().nullable()),
  exact: z.record(z.string(), z.string().nullable()),
  records: z
    .array(
      z.object({
        bucket: z.string(),
        officerId: z.string().nullable(),
        vettingId: z.number().nullable(),
        complaintRef: z.string().nullable(),
      }),
    )
    .nullable(),
});
export type PersistedRule = z.infer<typeof ZPersistedRule>;

export const evidenceOf = (row: MemberRow): EvidenceRecord => ({
  bucket: row.bucket,
  officerId: row.officer_id,
  vettingId: row.vetting_id,
  complaintRef: row.complaint_ref,
});

export function persistedRule(outcome: RuleOutcome, title: string, records: EvidenceRecord[] | null): PersistedRule {
  const figures: Record<string, number | null> = {};
  const exact: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(outcome.figures)) {
    figures[name] = value == null ? null : toNumber(value);
    exact[name] = value == null ? null : value.den === 1n ? String(value.num) : `${value.num}/${value.den}`;
  }
  return {
    id: outcome.id,
    level: outcome.level,
    value: outcome.value,
    ...outcome.extras,
    threshold: outcome.threshold,
    title,
    metric: outcome.metric,
    insufficientData: outcome.insufficientData,
    figures,
    exact,
    records,
  };
}

/** Reads a stored rules array back; a malformed one is a data error worth failing loudly on. */
export function readPersistedRules(json: unknown): PersistedRule[] {
  return z.array(ZPersistedRule).parse(json);
}
