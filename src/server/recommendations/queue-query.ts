import { z } from "zod";

/**
 * The decision queue's filters, sort and page as one value that lives in the URL (`/queues?…`), in saved
 * filters and in the tRPC input. Only zod here: the server page, the router and the client's links share it.
 */
export const QUEUE_LEVELS = ["NONE", "WATCH", "REVIEW", "RECEIVERSHIP"] as const;
export const QUEUE_SORTS = ["severity", "age", "size"] as const;
export const QUEUE_STATUSES = ["OPEN", "ACCEPTED", "DISMISSED"] as const;
export const QUEUE_PAGE_SIZES = [25, 50, 100, 200] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

const count = z.coerce.number().int().min(0).max(1_000_000);

export const ZQueueQuery = z.strictObject({
  status: z.enum(QUEUE_STATUSES).default("OPEN"),
  stateCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  departmentCode: z.string().trim().min(1).max(40).optional(),
  kind: z.enum(["MUNICIPAL", "STATE"]).optional(),
  /** The level before the rise (the recommendation reads "from → to"). */
  fromLevel: z.enum(QUEUE_LEVELS).optional(),
  toLevel: z.enum(QUEUE_LEVELS).optional(),
  /** A rule that fired (level above NONE) in the evaluation behind the recommendation. */
  rule: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional(),
  /** Open for at least this many days. */
  minAgeDays: count.optional(),
  /** Active officers at the evaluation's date, bounds included. */
  minOfficers: count.optional(),
  maxOfficers: count.optional(),
  sort: z.enum(QUEUE_SORTS).default("severity"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (QUEUE_PAGE_SIZES as readonly number[]).includes(n), "Page size must be 25, 50, 100 or 200")
    .default(50),
});
export type QueueQuery = z.output<typeof ZQueueQuery>;

export const DEFAULT_QUEUE_QUERY: QueueQuery = ZQueueQuery.parse({});
const KEYS = Object.keys(ZQueueQuery.shape) as (keyof QueueQuery)[];

/**
 * The query a URL asks for. A parameter that does not parse is left out (a hand-edited or outdated link
 * still opens the queue, with that filter off) rather than failing the page; unknown parameters are ignored.
 */
export function queueQueryFromSearch(params: Record<string, string | string[] | undefined>): QueueQuery {
  const picked: Record<string, string> = {};
  for (const key of KEYS) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value.trim() === "") continue;
    if (ZQueueQuery.shape[key].safeParse(value).success) picked[key] = value.trim();
  }
  return ZQueueQuery.parse(picked);
}

/** The query without the values that are defaults, so that equal views have equal links and cache keys. */
function withoutDefaults(query: Partial<QueueQuery>): Partial<QueueQuery> {
  const kept: Record<string, unknown> = {};
  for (const key of KEYS) {
    if (query[key] !== undefined && query[key] !== DEFAULT_QUEUE_QUERY[key]) kept[key] = query[key];
  }
  return kept;
}

/** The URL query (without `?`) for a queue query. */
export function queueSearch(query: Partial<QueueQuery>): string {
  return new URLSearchParams(Object.entries(withoutDefaults(query)).map(([key, value]) => [key, String(value)])).toString();
}

/** The query as the tRPC input, shared by the server prefetch and the client. */
export function queueInput(query: QueueQuery): Partial<QueueQuery> {
  return withoutDefaults(query);
}
