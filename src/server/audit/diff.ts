import { canonicalJson, storableJson } from "./canonical";
import type { AuditChanges } from "./record";

/** What a masked field shows in the trail: that it changed, never what it held. */
export const MASKED = "[masked]";

export type DiffOptions = {
  /** Fields holding personal data (complaint summary, names…): recorded as changed, values hidden. */
  mask?: readonly string[];
  /** Bookkeeping fields that change on every write and say nothing about the change itself. */
  ignore?: readonly string[];
};

const DEFAULT_IGNORE = ["version", "updatedAt", "createdAt"];

/**
 * The before/after of every field that differs between two images of a record, for `recordAudit`'s
 * `changes`. `before` null is a creation and `after` null a deletion. Values are compared and
 * recorded in their stored JSON form (dates as ISO strings, decimals as strings).
 */
export function diffForAudit(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  options: DiffOptions = {},
): AuditChanges {
  const mask = new Set(options.mask ?? []);
  const ignore = new Set(options.ignore ?? DEFAULT_IGNORE);
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChanges = {};
  for (const field of [...fields].sort()) {
    if (ignore.has(field)) continue;
    const was = storableJson(before?.[field]);
    const now = storableJson(after?.[field]);
    if (canonicalJson(was) === canonicalJson(now)) continue;
    changes[field] = mask.has(field)
      ? { before: was === null ? null : MASKED, after: now === null ? null : MASKED }
      : { before: was, after: now };
  }
  return changes;
}
