import { z } from "zod";
import { decideRecommendation } from "../../recommendations/decide-recommendation";
import { getRecommendation, listRecommendations } from "../../recommendations/list-recommendations";
import { workflowScope } from "../../workflow/context";
import { zCalendarDate, zDepartmentCode, zId, zPage, zProposalTerms, zStateCode, zText, zVersion } from "../../workflow/inputs";
import { createTRPCRouter, procedureWith } from "../trpc";

const zLevel = z.enum(["NONE", "WATCH", "REVIEW", "RECEIVERSHIP"]);

export const ZDecideRecommendationInput = z.discriminatedUnion("outcome", [
  z.strictObject({
    id: zId,
    version: zVersion,
    outcome: z.literal("ACCEPT"),
    note: zText(5000).optional(),
    review: z
      .strictObject({ scope: zText(5000).optional(), ownerId: zId.optional(), dueOn: zCalendarDate.nullable().optional() })
      .optional(),
    receivership: z.strictObject(zProposalTerms).optional(),
  }),
  z.strictObject({
    id: zId,
    version: zVersion,
    outcome: z.literal("DISMISS"),
    reason: z.enum(["FALSE_POSITIVE", "DATA_ERROR", "ALREADY_ADDRESSED", "OTHER"]),
    justification: zText(5000),
  }),
]);

export const recommendationsRouter = createTRPCRouter({
  list: procedureWith("evaluations.read")
    .input(
      z.strictObject({
        status: z.enum(["OPEN", "ACCEPTED", "DISMISSED"]).optional(),
        level: zLevel.optional(),
        stateCode: zStateCode.optional(),
        departmentCode: zDepartmentCode.optional(),
        ...zPage,
      }),
    )
    .query(({ ctx, input }) => listRecommendations(ctx.db, ctx.scope, input)),
  get: procedureWith("evaluations.read")
    .input(z.strictObject({ id: zId }))
    .query(({ ctx, input }) => getRecommendation(ctx.db, ctx.scope, input.id)),
  decide: procedureWith("recommendations.decide")
    .input(ZDecideRecommendationInput)
    .mutation(({ ctx, input }) => decideRecommendation(ctx.db, workflowScope(ctx), input)),
});
