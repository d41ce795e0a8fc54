import { z } from "zod";

/** The audit view's filters: the tRPC input, the page URL and the CSV export all use this schema. */
export const ZAuditFilters = z.strictObject({
  // A user id or part of an email; an action or an action prefix; Mexico City calendar days.
  actor: z.string().trim().min(1).max(254).optional(),
  action: z.string().trim().min(1).max(80).optional(),
  targetType: z.string().trim().min(1).max(40).optional(),
  targetId: z.string().trim().min(1).max(80).optional(),
  stateCode: z
    .string()
    .regex(/^\d{2}$/, "a two-digit INEGI state code")
    .optional(),
  outcome: z.enum(["ALLOWED", "DENIED"]).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const ZListAuditInput = ZAuditFilters.extend({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});

export type AuditFilterInput = z.infer<typeof ZAuditFilters>;
export type ListAuditInput = z.infer<typeof ZListAuditInput>;
export type AuditFilterField = keyof AuditFilterInput;

/** URL query parameter for each filter. */
export const AUDIT_URL_KEYS = {
  actor: "actor",
  action: "action",
  targetType: "type",
  targetId: "target",
  stateCode: "state",
  outcome: "outcome",
  from: "from",
  to: "to",
} as const satisfies Record<AuditFilterField, string>;

type SearchParams = Record<string, string | string[] | undefined>;

export type AuditView = { input: ListAuditInput; invalid: AuditFilterField[] };

/**
 * Reads the view from a URL. Unlike other lists, a malformed filter is reported, not dropped: an
 * auditor must never be shown a wider search than the one they asked for.
 */
export function parseAuditView(params: SearchParams): AuditView {
  const raw: Record<string, unknown> = {};
  const invalid: AuditFilterField[] = [];
  for (const [field, key] of Object.entries(AUDIT_URL_KEYS) as [AuditFilterField, string][]) {
    const value = params[key];
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!text) continue;
    if (ZAuditFilters.shape[field].safeParse(text).success) raw[field] = text;
    else invalid.push(field);
  }
  const page = Number(Array.isArray(params.page) ? params.page[0] : params.page);
  if (Number.isInteger(page) && page >= 1 && page <= 100_000) raw.page = page;
  return { input: ZListAuditInput.parse(raw), invalid };
}

/** The URL query for a view (page left out when it is the first). */
export function auditViewQuery(view: Partial<ListAuditInput>): string {
  const query = new URLSearchParams();
  for (const [field, key] of Object.entries(AUDIT_URL_KEYS) as [AuditFilterField, string][]) {
    const value = view[field];
    if (value !== undefined) query.set(key, value);
  }
  if (view.page && view.page > 1) query.set("page", String(view.page));
  return query.toString();
}
