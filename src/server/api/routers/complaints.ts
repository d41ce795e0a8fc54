import { z } from "zod";
import { complaintDetail } from "../../complaints/complaint-detail";
import { auditActor } from "../../audit/actor";
import { createTRPCRouter, procedureWith } from "../trpc";

export const complaintsRouter = createTRPCRouter({
  /** The complaint page (audited as `complaint.view`); `summary` only for roles that may read personal data. */
  get: procedureWith("complaints.read")
    .input(z.strictObject({ ref: z.string().trim().min(1).max(40) }))
    .query(({ ctx, input }) => complaintDetail(ctx.db, ctx.scope, auditActor(ctx.scope, ctx.meta), input.ref)),
});
