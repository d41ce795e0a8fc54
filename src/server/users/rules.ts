import { z } from "zod";
import type { Role } from "../../generated/prisma/enums";
import type { DbOrTx } from "../db/client";
import { AppError } from "../errors";

export const ROLES = ["ADMIN", "IA_SUPERVISOR", "IA_ANALYST", "STATE_AG", "AUDITOR"] as const satisfies readonly Role[];

/** Emails are compared lower-case and trimmed everywhere (sign-in, creation, lock-out counters). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: "Not a valid email address" }))
  .transform(normaliseEmail);
export const roleSchema = z.enum(ROLES);
export const stateCodeSchema = z.string().regex(/^\d{2}$/, "A state is its two-digit INEGI code, e.g. 16");
export const personNameSchema = z.string().trim().min(1).max(120);

/**
 * A state attorney general acts for exactly one state; every other role is nationwide and must
 * not carry one (a stray state would silently narrow nothing and confuse audits).
 */
export async function checkRoleState(db: DbOrTx, role: Role, stateCode: string | null): Promise<void> {
  if (role === "STATE_AG" && !stateCode) {
    throw new AppError("BAD_REQUEST", "A STATE_AG user needs a state (--state NN)", { field: "stateCode" });
  }
  if (role !== "STATE_AG" && stateCode) {
    throw new AppError("BAD_REQUEST", `Only STATE_AG users have a state; ${role} is nationwide`, { field: "stateCode" });
  }
  if (stateCode && !(await db.state.findUnique({ where: { code: stateCode }, select: { code: true } }))) {
    throw new AppError("BAD_REQUEST", `Unknown state code ${stateCode}`, { field: "stateCode" });
  }
}
