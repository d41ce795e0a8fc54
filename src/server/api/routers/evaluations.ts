import { z } from "zod";
import { explainDepartment } from "../../evaluations/explain-department";
import { departmentHistory, latestRun } from "../../evaluations/history";
import { createTRPCRouter, procedureWith } from "../trpc";

const departmentCode = z.string().trim().min(1).max(40);
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const ruleSetId = z.string().min(1).max(60);

export const evaluationsRouter = createTRPCRouter({
  explain: procedureWith("evaluations.read")
    .input(
      z
        .strictObject({ departmentCode, runId: z.number().int().positive().optional(), asOf: calendarDate.optional() })
        .refine((i) => i.runId === undefined || i.asOf === undefined, "give either runId or asOf, not both"),
    )
    .query(({ ctx, input }) =>
      explainDepartment(ctx.db, ctx.scope, input.departmentCode, { runId: input.runId, asOf: input.asOf, origin: ctx.meta }),
    ),
  latestRun: procedureWith("evaluations.read")
    .input(z.strictObject({ ruleSetId: ruleSetId.optional() }).default({}))
    .query(({ ctx, input }) => latestRun(ctx.db, ctx.scope, input)),
  departmentHistory: procedureWith("evaluations.read")
    .input(z.strictObject({ departmentCode, ruleSetId: ruleSetId.optional(), limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) => departmentHistory(ctx.db, ctx.scope, input)),
});
