import type { AlertFrequency, AlertTrigger } from "~/generated/prisma/enums";
import type { AppLocale } from "~/i18n/locales";

type Strings = {
  title: string;
  description: (timeZone: string) => string;
  triggers: Record<AlertTrigger, string>;
  frequencies: Record<AlertFrequency, string>;
  deliveryHour: string;
  deliveryHint: string;
  enabled: string;
  frequency: string;
  scope: string;
  wholeScope: string;
  chosenStates: string;
  chosenDepartments: string;
  searchDepartment: string;
  add: string;
  remove: (name: string) => string;
  save: string;
  saving: string;
  saved: string;
  loading: string;
  failed: (message: string) => string;
  unauthorized: string;
  forbidden: string;
};

const es: Strings = {
  title: "Mis avisos por correo",
  description: (tz) => `Elija qué avisos recibir, con qué frecuencia y sobre qué entidades o corporaciones. Los resúmenes llegan a la hora indicada en su zona horaria (${tz}). Nunca recibirá avisos fuera de lo que su perfil le permite ver.`,
  triggers: {
    LEVEL_ROSE: "Subió el nivel de alerta de una corporación",
    RECOMMENDATION_AWAITING: "Una recomendación espera mi decisión",
    VETTING_EXPIRING: "Certificados de control de confianza por vencer (30/60/90 días)",
    FAILED_VETTING_ON_DUTY: "Elementos no aprobados siguen en funciones más de 90 días después",
    SERIOUS_ABUSE_SUSTAINED: "Se acreditó una queja por abuso grave",
    COMPLAINT_SPIKE: "Las quejas de 30 días superan el doble del promedio mensual",
    MILESTONE_DUE: "Plazos de revisión e intervención en los próximos 7 días",
    EVALUATION_FAILED: "La evaluación diaria no se ejecutó",
  },
  frequencies: { IMMEDIATE: "Al momento", DAILY: "Resumen diario", WEEKLY: "Resumen semanal (lunes)" },
  deliveryHour: "Hora de entrega de los resúmenes",
  deliveryHint: "Hora local en su zona horaria.",
  enabled: "Recibir",
  frequency: "Frecuencia",
  scope: "Alcance",
  wholeScope: "Todo lo que mi perfil permite ver",
  chosenStates: "Entidades elegidas",
  chosenDepartments: "Corporaciones elegidas",
  searchDepartment: "Buscar corporación por nombre o clave",
  add: "Agregar",
  remove: (name) => `Quitar ${name}`,
  save: "Guardar avisos",
  saving: "Guardando…",
  saved: "Avisos guardados.",
  loading: "Cargando…",
  failed: (m) => `No se pudo completar: ${m}`,
  unauthorized: "Inicie sesión para ajustar sus avisos.",
  forbidden: "Su perfil no recibe avisos por correo.",
};

const en: Strings = {
  title: "My email alerts",
  description: (tz) => `Choose which alerts to receive, how often, and about which states or departments. Digests arrive at the chosen hour in your time zone (${tz}). You never receive alerts beyond what your role lets you see.`,
  triggers: {
    LEVEL_ROSE: "A department's alert level rose",
    RECOMMENDATION_AWAITING: "A recommendation awaits my decision",
    VETTING_EXPIRING: "Vetting certificates expiring (30/60/90 days)",
    FAILED_VETTING_ON_DUTY: "Officers who failed vetting still on duty over 90 days later",
    SERIOUS_ABUSE_SUSTAINED: "A serious-abuse complaint was sustained",
    COMPLAINT_SPIKE: "30-day complaints above twice the monthly average",
    MILESTONE_DUE: "Review and receivership deadlines within 7 days",
    EVALUATION_FAILED: "The daily evaluation failed to run",
  },
  frequencies: { IMMEDIATE: "Immediately", DAILY: "Daily digest", WEEKLY: "Weekly digest (Mondays)" },
  deliveryHour: "Digest delivery hour",
  deliveryHint: "Local time in your time zone.",
  enabled: "Receive",
  frequency: "Frequency",
  scope: "Scope",
  wholeScope: "Everything my role lets me see",
  chosenStates: "Chosen states",
  chosenDepartments: "Chosen departments",
  searchDepartment: "Search a department by name or code",
  add: "Add",
  remove: (name) => `Remove ${name}`,
  save: "Save alerts",
  saving: "Saving…",
  saved: "Alerts saved.",
  loading: "Loading…",
  failed: (m) => `Could not complete: ${m}`,
  unauthorized: "Sign in to adjust your alerts.",
  forbidden: "Your role does not receive email alerts.",
};

export const ALERT_SETTINGS_STRINGS: Record<AppLocale, Strings> = { es, en };
