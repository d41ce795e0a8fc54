import { z } from "zod";

export const DEPARTMENT_SORTS = ["code", "name", "state", "officers", "level"] as const;
export const DEPARTMENT_STATUSES = ["underReview", "inReceivership"] as const;
export const LEVEL_VALUES = ["NONE", "WATCH", "REVIEW", "RECEIVERSHIP"] as const;

/** The departments view's filters: the tRPC input, the page URL and the CSV export all use this one schema. */
export const ZDepartmentFilters = z.strictObject({
  search: z.string().trim().min(1).max(100).optional(),
  stateCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  kind: z.enum(["MUNICIPAL", "STATE"]).optional(),
  level: z.enum(LEVEL_VALUES).optional(),
  rule: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional(),
  status: z.enum(DEPARTMENT_STATUSES).optional(),
  sort: z.enum(DEPARTMENT_SORTS).default("code"),
  direction: z.enum(["asc", "desc"]).default("asc"),
});

export const ZListDepartmentsInput = ZDepartmentFilters.extend({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});

export type DepartmentFilters = z.infer<typeof ZDepartmentFilters>;
export type ListDepartmentsInput = z.infer<typeof ZListDepartmentsInput>;

/** URL query parameter for each filter, so shared links stay short and stable. */
const URL_KEYS = {
  search: "q",
  stateCode: "state",
  kind: "kind",
  level: "level",
  rule: "rule",
  status: "status",
  sort: "sort",
  direction: "dir",
} as const satisfies Record<keyof DepartmentFilters, string>;

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Reads the view from a URL. A malformed parameter is dropped (the link still opens, without that
 * filter) rather than failing the whole page.
 */
export function parseDepartmentView(params: SearchParams): ListDepartmentsInput {
  const raw: Record<string, unknown> = {};
  for (const [field, key] of Object.entries(URL_KEYS)) {
    const value = params[key];
    const text = Array.isArray(value) ? value[0] : value;
    if (text === undefined || text === "") continue;
    const shape = ZDepartmentFilters.shape[field as keyof DepartmentFilters];
    if (shape.safeParse(text).success) raw[field] = text;
  }
  const page = Number(Array.isArray(params.page) ? params.page[0] : params.page);
  if (Number.isInteger(page) && page >= 1) raw.page = page;
  return ZListDepartmentsInput.parse(raw);
}

/** The URL query for a view; defaults are left out. */
export function departmentViewQuery(view: Partial<ListDepartmentsInput>): string {
  const query = new URLSearchParams();
  for (const [field, key] of Object.entries(URL_KEYS)) {
    const value = view[field as keyof DepartmentFilters];
    if (value === undefined) continue;
    if ((field === "sort" && value === "code") || (field === "direction" && value === "asc")) continue;
    query.set(key, value);
  }
  if (view.page && view.page > 1) query.set("page", String(view.page));
  return query.toString();
}
