import type { AlertTrigger, Level } from "../../generated/prisma/enums";
import type { AlertItem } from "../alerts/events";

export type Locale = "es" | "en";

export function localeOf(value: string | null | undefined): Locale {
  return value?.toLowerCase().startsWith("en") ? "en" : "es";
}

export type DepartmentLabel = { code: string; name: string; stateName: string };

const LEVELS: Record<Locale, Record<Level, string>> = {
  es: { NONE: "sin alerta", WATCH: "vigilancia", REVIEW: "revisión", RECEIVERSHIP: "intervención" },
  en: { NONE: "none", WATCH: "watch", REVIEW: "review", RECEIVERSHIP: "receivership" },
};

const CATEGORIES: Record<Locale, Record<string, string>> = {
  es: {
    TORTURE: "tortura",
    FORCED_DISAPPEARANCE: "desaparición forzada",
    EXTRAJUDICIAL_KILLING: "ejecución extrajudicial",
    SEXUAL_ABUSE: "abuso sexual",
  },
  en: {
    TORTURE: "torture",
    FORCED_DISAPPEARANCE: "enforced disappearance",
    EXTRAJUDICIAL_KILLING: "extrajudicial killing",
    SEXUAL_ABUSE: "sexual abuse",
  },
};

export const TRIGGER_TITLES: Record<Locale, Record<AlertTrigger, string>> = {
  es: {
    LEVEL_ROSE: "Subió el nivel de alerta",
    RECOMMENDATION_AWAITING: "Recomendaciones pendientes de su decisión",
    VETTING_EXPIRING: "Certificados de control de confianza por vencer",
    FAILED_VETTING_ON_DUTY: "Elementos no aprobados en control de confianza siguen en funciones",
    SERIOUS_ABUSE_SUSTAINED: "Queja por abuso grave acreditada",
    COMPLAINT_SPIKE: "Aumento de quejas",
    MILESTONE_DUE: "Plazos de revisión e intervención en los próximos 7 días",
    EVALUATION_FAILED: "La evaluación diaria no se ejecutó",
  },
  en: {
    LEVEL_ROSE: "Alert level rose",
    RECOMMENDATION_AWAITING: "Recommendations awaiting your decision",
    VETTING_EXPIRING: "Vetting certificates expiring",
    FAILED_VETTING_ON_DUTY: "Officers who failed vetting still on duty",
    SERIOUS_ABUSE_SUSTAINED: "Serious-abuse complaint sustained",
    COMPLAINT_SPIKE: "Complaint spike",
    MILESTONE_DUE: "Review and receivership deadlines within 7 days",
    EVALUATION_FAILED: "The daily evaluation failed to run",
  },
};

export const TEXT = {
  es: {
    immediateSubject: (title: string) => `Vigila: ${title}`,
    digestSubject: (daily: boolean, count: number) =>
      `Vigila: resumen ${daily ? "diario" : "semanal"} (${count} ${count === 1 ? "aviso" : "avisos"})`,
    digestHeading: (daily: boolean) => (daily ? "Resumen diario" : "Resumen semanal"),
    intro: "Avisos sobre las corporaciones que su perfil le permite ver.",
    more: (n: number) => `… y ${n} más en Vigila.`,
    evaluationFailed: (asOf: string) => `La evaluación programada del ${asOf} falló. Revise el estado del sistema.`,
    settings: "Ajustar mis avisos",
    unsubscribe: "Dejar de recibir estos avisos",
    footer: "Recibe este correo porque está suscrito a avisos de Vigila.",
  },
  en: {
    immediateSubject: (title: string) => `Vigila: ${title}`,
    digestSubject: (daily: boolean, count: number) =>
      `Vigila: ${daily ? "daily" : "weekly"} digest (${count} ${count === 1 ? "alert" : "alerts"})`,
    digestHeading: (daily: boolean) => (daily ? "Daily digest" : "Weekly digest"),
    intro: "Alerts about the police departments your role lets you see.",
    more: (n: number) => `… and ${n} more in Vigila.`,
    evaluationFailed: (asOf: string) => `The scheduled evaluation for ${asOf} failed. Please check the system.`,
    settings: "Adjust my alerts",
    unsubscribe: "Stop receiving these alerts",
    footer: "You receive this email because you subscribed to Vigila alerts.",
  },
} as const;

/** Calendar days (`YYYY-MM-DD`) in the reader's language; they are dates, not instants: UTC. */
export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "es" ? "es-MX" : "en-US", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

function dept(d: DepartmentLabel | undefined, id: number): string {
  return d ? `${d.name} (${d.code}, ${d.stateName})` : `#${id}`;
}

/** One line per item, figures exact. */
export function describeItem(item: AlertItem, d: DepartmentLabel | undefined, locale: Locale): string {
  const where = dept(d, item.departmentId);
  const L = LEVELS[locale];
  const es = locale === "es";
  switch (item.kind) {
    case "levelRose":
      return es
        ? `${where}: de ${L[item.from]} a ${L[item.to]} (evaluación del ${formatDay(item.asOf, locale)}).`
        : `${where}: from ${L[item.from]} to ${L[item.to]} (evaluation of ${formatDay(item.asOf, locale)}).`;
    case "recommendation":
      return es
        ? `${where}: recomendación #${item.recommendationId}, nivel ${L[item.level]} (antes ${L[item.previousLevel]}).`
        : `${where}: recommendation #${item.recommendationId}, level ${L[item.level]} (was ${L[item.previousLevel]}).`;
    case "vettingExpiring":
      return es
        ? `${where}: ${item.within30} vencen en 30 días, ${item.within60} en 60, ${item.within90} en 90.`
        : `${where}: ${item.within30} expire within 30 days, ${item.within60} within 60, ${item.within90} within 90.`;
    case "failedVettingOnDuty":
      return es
        ? `${where}: ${item.officers} en funciones; el caso más antiguo no aprobó el ${formatDay(item.oldestFailure, locale)}.`
        : `${where}: ${item.officers} on duty; the oldest failed on ${formatDay(item.oldestFailure, locale)}.`;
    case "seriousAbuse": {
      const category = CATEGORIES[locale][item.category] ?? item.category;
      const on = item.resolvedOn ? formatDay(item.resolvedOn, locale) : null;
      return es
        ? `${where}: queja ${item.complaintRef} (${category}) acreditada${on ? ` el ${on}` : ""}.`
        : `${where}: complaint ${item.complaintRef} (${category}) sustained${on ? ` on ${on}` : ""}.`;
    }
    case "complaintSpike": {
      const average = (item.last365 / 12).toLocaleString(es ? "es-MX" : "en-US", { maximumFractionDigits: 2 });
      return es
        ? `${where}: ${item.last30} ${item.last30 === 1 ? "queja" : "quejas"} en 30 días; promedio mensual de 12 meses ${average}.`
        : `${where}: ${item.last30} ${item.last30 === 1 ? "complaint" : "complaints"} in 30 days; 12-month monthly average ${average}.`;
    }
    case "milestoneDue": {
      const due = formatDay(item.dueOn, locale);
      if (item.subject === "review") {
        return es ? `${where}: la revisión #${item.recordId} vence el ${due}.` : `${where}: review #${item.recordId} is due on ${due}.`;
      }
      return es
        ? `${where}: hito de la intervención #${item.recordId} vence el ${due}.`
        : `${where}: receivership #${item.recordId} milestone due on ${due}.`;
    }
  }
}
