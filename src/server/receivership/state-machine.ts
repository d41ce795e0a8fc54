import type { ReceivershipStatus } from "../../generated/prisma/enums";
import type { Scope } from "../authz/scope";
import type { Tx } from "../db/client";
import { AppError } from "../errors";

/**
 * The receivership lifecycle, in one place:
 *
 *   PROPOSED ──(second qualifying approval)──▶ IMPOSED ──(lift)──▶ LIFTED
 *      │
 *      └──(withdraw)──▶ WITHDRAWN
 *
 * Once imposed, a receivership ends only by lifting, so the exit criteria (or a documented
 * supervisor override) always stand between an imposed case and its end. LIFTED and WITHDRAWN are final.
 */
export const RECEIVERSHIP_TRANSITIONS = {
  PROPOSED: ["IMPOSED", "WITHDRAWN"],
  IMPOSED: ["LIFTED"],
  LIFTED: [],
  WITHDRAWN: [],
} as const satisfies Record<ReceivershipStatus, readonly ReceivershipStatus[]>;

/** Statuses in which a case is still being worked on (editable terms, milestones, live exit criteria). */
export const ACTIVE_RECEIVERSHIP_STATUSES = ["PROPOSED", "IMPOSED"] as const satisfies readonly ReceivershipStatus[];

export function canTransition(from: ReceivershipStatus, to: ReceivershipStatus): boolean {
  return (RECEIVERSHIP_TRANSITIONS[from] as readonly ReceivershipStatus[]).includes(to);
}

export function assertTransition(from: ReceivershipStatus, to: ReceivershipStatus): void {
  if (!canTransition(from, to)) {
    throw new AppError("CONFLICT", `A ${from} receivership cannot become ${to}`, { from, to });
  }
}

export function assertActive(status: ReceivershipStatus): void {
  if (!(ACTIVE_RECEIVERSHIP_STATUSES as readonly ReceivershipStatus[]).includes(status)) {
    throw new AppError("CONFLICT", `This receivership is ${status} and can no longer be changed`, { status });
  }
}

/**
 * Moves a case to `to` if it is still at `expectedVersion` and in a status that allows it, and writes
 * the status-history row. Returns the new version. The caller audits.
 */
export async function transitionCase(
  tx: Tx,
  scope: Scope,
  input: {
    caseId: number;
    from: ReceivershipStatus;
    to: ReceivershipStatus;
    expectedVersion: number;
    reason: string;
    data?: { startDate?: Date; endDate?: Date; liftOverrideReason?: string | null };
  },
): Promise<number> {
  assertTransition(input.from, input.to);
  const updated = await tx.receivershipCase.updateMany({
    where: { id: input.caseId, version: input.expectedVersion, status: input.from },
    data: { ...input.data, status: input.to, version: { increment: 1 } },
  });
  if (updated.count === 0) {
    throw new AppError("CONFLICT", "This receivership was changed by someone else since you loaded it; reload and try again");
  }
  await tx.receivershipStatusChange.create({
    data: { caseId: input.caseId, fromStatus: input.from, toStatus: input.to, changedById: scope.userId, reason: input.reason },
  });
  return input.expectedVersion + 1;
}
