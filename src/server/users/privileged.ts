import type { Role } from "../../generated/prisma/enums";

/**
 * Roles whose accounts only an ADMIN who has just re-authenticated may create (a role change always
 * needs it): they approve receiverships, administer accounts, or read a state's files. Pure, so the
 * account form can show the confirmation fields for exactly these roles.
 */
export const PRIVILEGED_ROLES: ReadonlySet<Role> = new Set<Role>(["ADMIN", "IA_SUPERVISOR", "STATE_AG"]);
