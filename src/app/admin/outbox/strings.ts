import type { OutboxStatus } from "~/generated/prisma/enums";
import type { AppLocale } from "~/i18n/locales";

const es = {
  title: "Bandeja de salida de correo",
  description: "Avisos por correo pendientes, enviados y fallidos. Los fallos permanentes (5xx) se pueden reintentar.",
  statuses: { PENDING: "Pendientes", SENDING: "Enviándose", SENT: "Enviados", FAILED: "Fallidos", CANCELLED: "Cancelados" } as Record<OutboxStatus, string>,
  all: "Todos",
  backlog: (n: number) => `${n.toLocaleString("es-MX")} por enviar`,
  oldest: "Pendiente más antiguo desde",
  nextAttempt: "Próximo intento",
  lastSent: "Último envío",
  none: "—",
  filter: "Filtrar por estado",
  columns: { created: "Creado", to: "Destinatario", subject: "Asunto", status: "Estado", attempts: "Intentos", next: "Próximo intento", response: "Respuesta SMTP / error" },
  empty: "No hay correos en este estado.",
  retry: "Reintentar",
  retrying: "Reintentando…",
  retried: (n: number) => `${n} correo(s) de vuelta en la cola.`,
  failed: (m: string) => `No se pudo completar: ${m}`,
  forbidden: "Solo la administración puede ver la bandeja de salida.",
  unauthorized: "Inicie sesión para ver la bandeja de salida.",
  page: (p: number, of: number) => `Página ${p} de ${of}`,
  previous: "Anterior",
  next: "Siguiente",
};

const en: typeof es = {
  title: "Email outbox",
  description: "Alert emails waiting, sent and failed. Permanent failures (5xx) can be retried.",
  statuses: { PENDING: "Pending", SENDING: "Sending", SENT: "Sent", FAILED: "Failed", CANCELLED: "Cancelled" },
  all: "All",
  backlog: (n) => `${n.toLocaleString("en-US")} waiting`,
  oldest: "Oldest waiting since",
  nextAttempt: "Next attempt",
  lastSent: "Last sent",
  none: "—",
  filter: "Filter by status",
  columns: { created: "Created", to: "Recipient", subject: "Subject", status: "Status", attempts: "Attempts", next: "Next attempt", response: "SMTP reply / error" },
  empty: "No emails in this state.",
  retry: "Retry",
  retrying: "Retrying…",
  retried: (n) => `${n} email(s) back in the queue.`,
  failed: (m) => `Could not complete: ${m}`,
  forbidden: "Only administrators may see the outbox.",
  unauthorized: "Sign in to see the outbox.",
  page: (p, of) => `Page ${p} of ${of}`,
  previous: "Previous",
  next: "Next",
};

export const OUTBOX_STRINGS: Record<AppLocale, typeof es> = { es, en };
export type OutboxStrings = typeof es;
