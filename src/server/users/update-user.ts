import type { Prisma } from "../../generated/prisma/client";
import type { Role } from "../../generated/prisma/enums";
import { recordAudit } from "../audit/record";
import { requireRecentReauth } from "../auth/reauth";
import type { Db, Tx } from "../db/client";
import { AppError, notFound, staleVersion } from "../errors";
import { type ManagerScope, managerActor, requireUserManager } from "./access";
import { checkRoleState } from "./rules";

/**
 * Account changes an ADMIN makes. Each is a versioned update (the admin acted on what they saw)
 * and audited with before/after. Changing a role or state, or disabling, bumps `sessionVersion`,
 * which ends that user's sessions at their next request.
 */
type Versioned = { id: number; version: number };

const USER_FIELDS = { id: true, email: true, role: true, stateCode: true, disabled: true, lockedAt: true, version: true } as const;

async function updateVersioned(tx: Tx, target: Versioned, data: Prisma.UserUncheckedUpdateManyInput) {
  const updated = await tx.user.updateMany({
    where: { id: target.id, version: target.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count === 0) {
    throw (await tx.user.findUnique({ where: { id: target.id }, select: { id: true } })) ? staleVersion("User") : notFound("User");
  }
}

async function loadTarget(tx: Tx, id: number) {
  const user = await tx.user.findUnique({ where: { id }, select: USER_FIELDS });
  if (!user) throw notFound("User");
  return user;
}

function refuseSelf(scope: ManagerScope, id: number, what: string) {
  // An admin locking themselves out of administration is never what they meant.
  if (scope.userId === id) throw new AppError("BAD_REQUEST", `You cannot ${what} your own account; ask another ADMIN`);
}

export async function setUserRole(
  db: Db,
  scope: ManagerScope,
  input: Versioned & { role: Role; stateCode: string | null },
  now: Date = new Date(),
): Promise<void> {
  requireUserManager(scope);
  refuseSelf(scope, input.id, "change the role of");
  await requireRecentReauth(db, scope, now);
  await checkRoleState(db, input.role, input.stateCode);
  await db.$transaction(async (tx) => {
    const before = await loadTarget(tx, input.id);
    await updateVersioned(tx, input, { role: input.role, stateCode: input.stateCode, sessionVersion: { increment: 1 } });
    await recordAudit(tx, {
      actor: managerActor(scope),
      action: "user.setRole",
      targetType: "User",
      targetId: input.id,
      stateCode: input.stateCode ?? before.stateCode,
      changes: {
        role: { before: before.role, after: input.role },
        stateCode: { before: before.stateCode, after: input.stateCode },
      },
    });
  });
}

export async function setUserDisabled(db: Db, scope: ManagerScope, input: Versioned & { disabled: boolean }): Promise<void> {
  requireUserManager(scope);
  refuseSelf(scope, input.id, "disable");
  await db.$transaction(async (tx) => {
    const before = await loadTarget(tx, input.id);
    await updateVersioned(tx, input, input.disabled ? { disabled: true, sessionVersion: { increment: 1 } } : { disabled: false });
    await recordAudit(tx, {
      actor: managerActor(scope),
      action: input.disabled ? "user.disable" : "user.enable",
      targetType: "User",
      targetId: input.id,
      changes: { disabled: { before: before.disabled, after: input.disabled } },
    });
  });
}

/** Lifts a lock-out; failures before now stop counting, so the user gets a full 5 attempts again. */
export async function unlockUser(db: Db, scope: ManagerScope, input: Versioned, now: Date = new Date()): Promise<void> {
  requireUserManager(scope);
  await db.$transaction(async (tx) => {
    const before = await loadTarget(tx, input.id);
    if (!before.lockedAt) throw new AppError("BAD_REQUEST", `${before.email} is not locked`);
    await updateVersioned(tx, input, { lockedAt: null, loginFailuresClearedAt: now });
    await recordAudit(tx, {
      actor: managerActor(scope),
      action: "user.unlock",
      targetType: "User",
      targetId: input.id,
      changes: { lockedAt: { before: before.lockedAt.toISOString(), after: null } },
    });
  });
}
