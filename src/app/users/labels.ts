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
