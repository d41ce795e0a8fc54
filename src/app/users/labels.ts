import type { Role } from "~/generated/prisma/enums";

/** Every role, in the order the selects offer them; their names are the `roles.*` messages. */
export const ROLE_OPTIONS: Role[] = ["ADMIN", "IA_SUPERVISOR", "IA_ANALYST", "STATE_AG", "AUDITOR"];

export type StateOption = { code: string; name: string };
