import type { Role } from "../../generated/prisma/enums";
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { type ManagerScope, managerActor, requireUserManager } from "./access";

export type UserRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  stateCode: string | null;
  disabled: boolean;
  lockedAt: Date | null;
  version: number;
  createdAt: Date;
  lastSignInAt: Date | null;
};

/** Every account, for the ADMIN page. Viewing the list of people with access is itself audited. */
export async function listUsers(db: Db, scope: ManagerScope): Promise<UserRow[]> {
  requireUserManager(scope);
  return db.$transaction(async (tx) => {
    const users = await tx.user.findMany({
      orderBy: { email: "asc" },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        stateCode: true,
        disabled: true,
        lockedAt: true,
        version: true,
        createdAt: true,
        sessions: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
      },
    });
    await recordAudit(tx, { actor: managerActor(scope), action: "user.list", targetType: "User", metadata: { count: users.length } });
    return users.map(({ sessions, ...user }) => ({ ...user, lastSignInAt: sessions[0]?.createdAt ?? null }));
  });
}
