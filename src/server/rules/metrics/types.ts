import type { z } from "zod";
import { Prisma } from "../../../generated/prisma/client";
import type { Figures } from "../conditions";

/**
 * What every metric's SQL may use. The evaluation statement defines these CTEs once:
 * - `target(id, kind)`: the departments being evaluated;
 * - `active(officer_id, department_id)`: their officers active at D;
 * - `active_vetting(officer_id, department_id, vetting_id, evaluated_on, result, valid_until)`: every
 *   active officer with their latest vetting evaluation at D (nulls when none);
 * - `latest_vetting(officer_id, vetting_id, evaluated_on, result, valid_until)`: the same, only the
 *   officers who have one;
 * - `peer_staff(id, n)`: every department (evaluated or not) with active officers at D, and how many.
 */
export type SqlContext = { asOf: string };

export type MetricSource = "vetting" | "training" | "complaints";

/** `D` as a SQL date parameter: the calendar day travels as text, never through a JS Date. */
export const sqlDate = (ctx: SqlContext) => Prisma.sql`${ctx.asOf}::date`;

/** `D − days` as a SQL date. */
export const sqlDaysBefore = (ctx: SqlContext, days: number) => Prisma.sql`(${ctx.asOf}::date - ${days}::int)`;

export type MetricInput = {
  /** Active officers at D in the department. */
  n: number;
  /** Member rows per bucket (see `members`). */
  buckets: Readonly<Record<string, number>>;
  /** The department's row from `peers`, when the metric has one. */
  peers: Readonly<Record<string, number>> | null;
};

export type BoundMetric = {
  /**
   * The records behind the metric, one row per record, with columns
   * (department_id int, bucket text, officer_id text, vetting_id int, complaint_ref text).
   * Figures are computed from the row counts per bucket; explanations list the rows themselves.
   */
  members: (ctx: SqlContext) => Prisma.Sql;
  /** Figures that come from outside the department (e.g. the peer median): (department_id, data jsonb). */
  peers?: (ctx: SqlContext) => Prisma.Sql;
  compute: (input: MetricInput) => Figures;
};

export type MetricDefinition = {
  title: string;
  /** Every figure the metric yields; conditions may read only these. */
  figures: readonly string[];
  /** The figure reported as the rule's `value`. */
  value: string;
  /** Further figures reported in the machine-readable output, keyed by their output name. */
  extras: Readonly<Record<string, string>>;
  /** True when the metric is undefined for a department without active officers (N = 0). */
  needsOfficers: boolean;
  /**
   * The records the metric mostly reads. An evaluation runs one statement per source, concurrently on
   * separate connections sharing one snapshot (see evaluate.ts), so the heavy reads use both CPUs.
   */
  source: MetricSource;
  /** The buckets that are the records behind a fired rule (kept with a persisted result). */
  evidence: readonly string[];
  params: z.ZodType;
  bind: (params: unknown) => BoundMetric;
};

/** Keeps the parameter type of each metric precise while the registry stays one plain record. */
export function defineMetric<P>(
  spec: Omit<MetricDefinition, "bind" | "params"> & {
    params: z.ZodType<P>;
    members: (params: P, ctx: SqlContext) => Prisma.Sql;
    peers?: (params: P, ctx: SqlContext) => Prisma.Sql;
    compute: (input: MetricInput, params: P) => Figures;
  },
): MetricDefinition {
  const { members, peers, compute, ...rest } = spec;
  return {
    ...rest,
    bind: (raw) => {
      const params = spec.params.parse(raw);
      return {
        members: (ctx) => members(params, ctx),
        peers: peers && ((ctx) => peers(params, ctx)),
        compute: (input) => compute(input, params),
      };
    },
  };
}
