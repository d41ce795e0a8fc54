import { z } from "zod";
import { decideRecommendation } from "../../recommendations/decide-recommendation";
import { getRecommendation, listRecommendations } from "../../recommendations/list-recommendations";
import { ZQueueQuery } from "../../recommendations/queue-query";
import { workflowScope } from "../../workflow/context";
import { dismissMany, MAX_BULK_DISMISS } from "../../recommendations/dismiss-many";
import { deleteFilter, listSavedFilters, saveFilter } from "../../recommendations/saved-filters";
import { zCalendarDate, zId, zProposalTerms, zText, zVersion } from "../../workflow/inputs";
import { createTRPCRouter, procedureWith } from "../trpc";

const zDismissReason = z.enum(["FALSE_POSITIVE", "DATA_ERROR", "ALREADY_ADDRESSED", "OTHER"]);

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
    reason: zDismissReason,
    justification: zText(5000),
  }),
]);

export const recommendationsRouter = createTRPCRouter({
  /** The decision queue: filtered, sorted and paged on the server (the same query the URL carries). */
  list: procedureWith("evaluations.read")
    .input(ZQueueQuery)
    .query(({ ctx, input }) => listRecommendations(ctx.db, ctx.scope, input)),
  get: procedureWith("evaluations.read")
    .input(z.strictObject({ id: zId }))
    .query(({ ctx, input }) => getRecommendation(ctx.db, ctx.scope, input.id)),
  /** Dismisses the selected recommendations with one reason and justification, all or nothing, each audited. */
  dismissMany: procedureWith("recommendations.decide")
    .input(
      z.strictObject({
        items: z
          .array(z.strictObject({ id: zId, version: zVersion }))
          .min(1)
          .max(MAX_BULK_DISMISS),
        reason: zDismissReason,
        justification: zText(5000),
      }),
    )
    .mutation(({ ctx, input }) => dismissMany(ctx.db, workflowScope(ctx), input)),
  /** The caller's own saved queue views. */
  savedFilters: procedureWith("evaluations.read").query(({ ctx }) => listSavedFilters(ctx.db, ctx.scope)),
  saveFilter: procedureWith("evaluations.read")
    .input(z.strictObject({ name: zText(200), query: zText(2000) }))
    .mutation(({ ctx, input }) => saveFilter(ctx.db, workflowScope(ctx), input)),
  deleteFilter: procedureWith("evaluations.read")
    .input(z.strictObject({ id: zId }))
    .mutation(({ ctx, input }) => deleteFilter(ctx.db, workflowScope(ctx), input.id)),
  decide: procedureWith("recommendations.decide")
    .input(ZDecideRecommendationInput)
    .mutation(({ ctx, input }) => decideRecommendation(ctx.db, workflowScope(ctx), input)),
});
