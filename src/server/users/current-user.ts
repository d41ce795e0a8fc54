import type { Role } from "../../generated/prisma/enums";
import type { Scope } from "../authz/scope";
import type { DbOrTx } from "../db/client";

export type CurrentUser = { id: number; email: string; name: string; role: Role; stateCode: string | null; stateName: string | null };

/** Who is signed in, for the page header and the client (nothing secret: no hashes, no TOTP). */
export async function getCurrentUser(db: DbOrTx, scope: Scope): Promise<CurrentUser | null> {
  const user = await db.user.findUnique({
    where: { id: scope.userId },
    select: { id: true, email: true, name: true, role: true, stateCode: true, state: { select: { name: true } } },
  });
  if (!user) return null;
  const { state, ...rest } = user;
  return { ...rest, stateName: state?.name ?? null };
}
