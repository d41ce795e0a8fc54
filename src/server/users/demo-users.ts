import type { Role } from "../../generated/prisma/enums";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { createUser } from "./create-user";

/**
 * The demo's accounts, one per role (two state AGs, to show state scoping). Everyone shares one
 * password and one TOTP secret so a visitor can sign in with any authenticator app; the secret is
 * the well-known RFC example and must never be used outside the demo.
 */
export const DEMO_PASSWORD = "vigila-demo-2026";
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP";

export const DEMO_USERS: readonly { email: string; name: string; role: Role; stateCode: string | null }[] = [
  { email: "admin@vigila.demo", name: "Administración Vigila", role: "ADMIN", stateCode: null },
  { email: "supervisor@vigila.demo", name: "Supervisión de Asuntos Internos", role: "IA_SUPERVISOR", stateCode: null },
  { email: "analista@vigila.demo", name: "Análisis de Asuntos Internos", role: "IA_ANALYST", stateCode: null },
  { email: "fiscal.michoacan@vigila.demo", name: "Fiscalía General de Michoacán", role: "STATE_AG", stateCode: "16" },
  { email: "fiscal.jalisco@vigila.demo", name: "Fiscalía General de Jalisco", role: "STATE_AG", stateCode: "14" },
  { email: "auditor@vigila.demo", name: "Auditoría", role: "AUDITOR", stateCode: null },
];

/**
 * Creates the demo accounts that do not exist yet; existing ones (found by email) are left as they
 * are, so running it again, or from two processes at once, changes nothing.
 */
export async function ensureDemoUsers(db: Db): Promise<{ created: string[]; existing: string[] }> {
  const created: string[] = [];
  const existing: string[] = [];
  for (const demo of DEMO_USERS) {
    if (await db.user.findUnique({ where: { email: demo.email }, select: { id: true } })) {
      existing.push(demo.email);
      continue;
    }
    try {
      await createUser(db, null, { ...demo, password: DEMO_PASSWORD }, { totpSecret: DEMO_TOTP_SECRET });
      created.push(demo.email);
    } catch (err) {
      if (!(err instanceof AppError && err.code === "CONFLICT")) throw err;
      existing.push(demo.email); // created meanwhile by a concurrent seeder
    }
  }
  return { created, existing };
}
