import { z } from "zod";
import { dashboardOverview, dashboardTrends } from "../../dashboard/overview";
import { createTRPCRouter, procedureWith } from "../trpc";

const ZStateInput = z.strictObject({
  stateCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
});

export const dashboardRouter = createTRPCRouter({
  overview: procedureWith("departments.read")
    .input(ZStateInput)
    .query(({ ctx, input }) => dashboardOverview(ctx.db, ctx.scope, input)),
  trends: procedureWith("departments.read")
    .input(ZStateInput)
    .query(({ ctx, input }) => dashboardTrends(ctx.db, ctx.scope, input)),
});
