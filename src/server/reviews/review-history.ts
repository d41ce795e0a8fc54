import type { ReviewChangeField } from "../../generated/prisma/enums";
import type { Scope } from "../authz/scope";
import type { DbOrTx, Tx } from "../db/client";
import { AppError } from "../errors";
import { ymdOf } from "../rules/dates";
import { findVisibleReview } from "../workflow/records";

/** The review fields whose every change is kept, visibly, with who changed them and why. */
type Tracked = { ownerId: number; dueOn: Date | null; scope: string };

const TRACKED: { key: keyof Tracked; field: ReviewChangeField; text: (value: Tracked[keyof Tracked]) => string | null }[] = [
  { key: "ownerId", field: "OWNER", text: (v) => String(v) },
  { key: "dueOn", field: "DUE_ON", text: (v) => (v instanceof Date ? ymdOf(v) : null) },
  { key: "scope", field: "SCOPE", text: (v) => String(v) },
];

export const MAX_CHANGE_REASON = 2000;

/** An optional reason for a change: trimmed, empty means none. */
export function changeReason(reason: string | null | undefined): string | null {
  const text = (reason ?? "").trim();
  if (text.length > MAX_CHANGE_REASON) {
    throw new AppError("BAD_REQUEST", `The reason must be at most ${MAX_CHANGE_REASON} characters`, { field: "reason" });
  }
  return text === "" ? null : text;
}

/** Writes one history row per tracked field that `next` changes; in the transaction of the change. Returns how many. */
export async function recordReviewChanges(
  tx: Tx,
  input: { reviewId: number; changedById: number; reason: string | null },
  current: Tracked,
  next: Tracked,
) {
  const rows = TRACKED.flatMap(({ key, field, text }) => {
    const before = text(current[key]);
    const after = text(next[key]);
    return before === after
      ? []
      : [{ reviewId: input.reviewId, field, before, after, reason: input.reason, changedById: input.changedById }];
  });
  if (rows.length > 0) await tx.reviewChange.createMany({ data: rows });
  return rows.length;
}

/**
 * A review's history of owner, due-date and scope changes, newest first, with owners named. Out of
 * scope = NOT_FOUND, like a missing review.
 */
export async function reviewHistory(db: DbOrTx, scope: Scope, reviewId: number) {
  const review = await findVisibleReview(db, scope, reviewId);
  const changes = await db.reviewChange.findMany({
    where: { reviewId: review.id },
    // Newest change first; the fields of one change in a fixed order (owner, due date, scope).
    orderBy: [{ changedAt: "desc" }, { id: "asc" }],
    include: { changedBy: { select: { id: true, name: true } } },
  });
  const ownerIds = changes.filter((c) => c.field === "OWNER").flatMap((c) => [c.before, c.after].filter((v): v is string => v !== null));
  const owners = await db.user.findMany({ where: { id: { in: [...new Set(ownerIds)].map(Number) } }, select: { id: true, name: true } });
  const ownerName = new Map(owners.map((u) => [String(u.id), u.name]));
  const shown = (field: ReviewChangeField, value: string | null) =>
    field === "OWNER" && value !== null ? { value, ownerName: ownerName.get(value) ?? null } : { value, ownerName: null };
  return changes.map((c) => ({
    id: c.id,
    field: c.field,
    before: shown(c.field, c.before),
    after: shown(c.field, c.after),
    reason: c.reason,
    changedAt: c.changedAt,
    changedBy: c.changedBy,
  }));
}
