import type { Role } from "~/generated/prisma/enums";

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Administración",
  IA_SUPERVISOR: "Supervisión de Asuntos Internos",
  IA_ANALYST: "Análisis de Asuntos Internos",
  STATE_AG: "Fiscalía estatal",
  AUDITOR: "Auditoría",
};

export const ROLE_OPTIONS = Object.keys(ROLE_LABELS) as Role[];

export type StateOption = { code: string; name: string };

/** tRPC errors carry the service's message (already specific); anything else gets a generic one. */
export function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : "No se pudo completar la operación.";
}
