import { z } from "zod";
import { closeReview, updateReview } from "../../reviews/conduct-review";
import { getReview, listReviews, REVIEW_VIEWS } from "../../reviews/list-reviews";
import { reassignReview, reviewOwnerOptions } from "../../reviews/reassign-review";
import { MAX_CHANGE_REASON, reviewHistory } from "../../reviews/review-history";
import { openReview } from "../../reviews/open-review";
import { addReviewSourceLink, removeReviewSourceLink } from "../../reviews/source-links";
import { workflowScope } from "../../workflow/context";
import { zCalendarDate, zDepartmentCode, zId, zPage, zStateCode, zText, zVersion } from "../../workflow/inputs";
import { createTRPCRouter, procedureWith } from "../trpc";

export const reviewsRouter = createTRPCRouter({
  list: procedureWith("departments.read")
    .input(
      z.strictObject({
        status: z.enum(["OPEN", "CLOSED"]).optional(),
        view: z.enum(REVIEW_VIEWS).optional(),
        ownerId: zId.optional(),
        departmentCode: zDepartmentCode.optional(),
        stateCode: zStateCode.optional(),
        mine: z.boolean().optional(),
        ...zPage,
      }),
    )
    .query(({ ctx, input }) => listReviews(ctx.db, ctx.scope, input)),
  get: procedureWith("departments.read")
    .input(z.strictObject({ id: zId }))
    .query(({ ctx, input }) => getReview(ctx.db, ctx.scope, input.id)),
  /** Owner, due-date and scope changes, newest first. */
  history: procedureWith("departments.read")
    .input(z.strictObject({ id: zId }))
    .query(({ ctx, input }) => reviewHistory(ctx.db, ctx.scope, input.id)),
  /** Who the review may be handed to. */
  ownerOptions: procedureWith("reviews.conduct")
    .input(z.strictObject({ id: zId }))
    .query(({ ctx, input }) => reviewOwnerOptions(ctx.db, ctx.scope, input.id)),
  reassign: procedureWith("reviews.conduct")
    .input(
      z.strictObject({
        id: zId,
        version: zVersion,
        ownerId: zId,
        reason: zText(MAX_CHANGE_REASON + 100)
          .nullable()
          .optional(),
      }),
    )
    .mutation(({ ctx, input }) => reassignReview(ctx.db, workflowScope(ctx), input)),
  open: procedureWith("reviews.open")
    .input(
      z.strictObject({
        departmentCode: zDepartmentCode,
        recommendationId: zId.nullable().optional(),
        scope: zText(5000),
        ownerId: zId.optional(),
        dueOn: zCalendarDate.nullable().optional(),
      }),
    )
    .mutation(({ ctx, input }) => openReview(ctx.db, workflowScope(ctx), input)),
  update: procedureWith("reviews.conduct")
    .input(
      z.strictObject({
        id: zId,
        version: zVersion,
        scope: zText(5000).optional(),
        findings: zText(50_000).optional(),
        departmentResponse: zText(50_000).optional(),
        ownerId: zId.optional(),
        dueOn: zCalendarDate.nullable().optional(),
        reason: zText(MAX_CHANGE_REASON + 100)
          .nullable()
          .optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateReview(ctx.db, workflowScope(ctx), input)),
  close: procedureWith("reviews.conduct")
    .input(
      z.strictObject({
        id: zId,
        version: zVersion,
        decision: z.enum(["NO_ACTION", "CORRECTIVE_PLAN", "REFER_TO_PROSECUTOR", "PROPOSE_RECEIVERSHIP"]),
        decisionNotes: zText(20_000),
      }),
    )
    .mutation(({ ctx, input }) => closeReview(ctx.db, workflowScope(ctx), input)),
  addSourceLink: procedureWith("reviews.conduct")
    .input(z.strictObject({ reviewId: zId, url: zText(2100), label: zText(300) }))
    .mutation(({ ctx, input }) => addReviewSourceLink(ctx.db, workflowScope(ctx), input)),
  removeSourceLink: procedureWith("reviews.conduct")
    .input(z.strictObject({ id: zId }))
    .mutation(({ ctx, input }) => removeReviewSourceLink(ctx.db, workflowScope(ctx), input)),
});
