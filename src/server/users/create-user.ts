import type { Role } from "../../generated/prisma/enums";
import { recordAudit } from "../audit/record";
import { hashPassword, passwordProblem } from "../auth/password";
import { requireRecentReauth } from "../auth/reauth";
import { encryptTotpSecret, generateTotpSecret, otpauthUri } from "../auth/totp";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { type ManagerScope, isUniqueViolation, managerActor, requireUserManager } from "./access";
import { PRIVILEGED_ROLES } from "./privileged";
import { checkRoleState, emailSchema, personNameSchema } from "./rules";

export type CreateUserInput = {
  email: string;
  name: string;
  role: Role;
  stateCode: string | null;
  password: string;
};

/** The enrolment secret is returned once, here, and never again (it is stored encrypted). */
export type CreatedUser = {
  id: number;
  email: string;
  role: Role;
  stateCode: string | null;
  totpSecret: string;
  otpauthUri: string;
};

export async function createUser(
  db: Db,
  scope: ManagerScope | null,
  input: CreateUserInput,
  options: { totpSecret?: string } = {},
): Promise<CreatedUser> {
  requireUserManager(scope);
  const email = emailSchema.safeParse(input.email);
  if (!email.success) throw new AppError("BAD_REQUEST", `Not a valid email address: ${input.email}`, { field: "email" });
  const name = personNameSchema.safeParse(input.name);
  if (!name.success) throw new AppError("BAD_REQUEST", "The name must have 1 to 120 characters", { field: "name" });
  const problem = passwordProblem(input.password);
  if (problem) throw new AppError("BAD_REQUEST", problem, { field: "password" });
  await checkRoleState(db, input.role, input.stateCode);
  // An account that can approve, administer or read a state's files is as sensitive as giving a role.
  if (scope && PRIVILEGED_ROLES.has(input.role)) await requireRecentReauth(db, scope);

  const totpSecret = options.totpSecret ?? generateTotpSecret();
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          email: email.data,
          name: name.data,
          role: input.role,
          stateCode: input.stateCode,
          passwordHash,
          totpSecret: encryptTotpSecret(totpSecret),
        },
        select: { id: true, email: true, role: true, stateCode: true },
      });
      await recordAudit(tx, {
        actor: managerActor(scope),
        action: "user.create",
        targetType: "User",
        targetId: created.id,
        stateCode: created.stateCode,
        metadata: { email: created.email, role: created.role, stateCode: created.stateCode, via: scope ? "web" : "console" },
      });
      return created;
    });
    return { ...user, totpSecret, otpauthUri: otpauthUri(user.email, totpSecret) };
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", `A user with email ${email.data} already exists`, { field: "email" });
    throw err;
  }
}
