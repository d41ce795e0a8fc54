import { z } from "zod";
import { ComplaintStatus } from "../../../generated/prisma/enums";
import { changeComplaintStatus } from "../../complaints/change-status";
import { complaintDetail } from "../../complaints/complaint-detail";
import { auditActor } from "../../audit/actor";
import { workflowScope } from "../../workflow/context";
import { zCalendarDate, zVersion } from "../../workflow/inputs";
import { createTRPCRouter, procedureWith } from "../trpc";

const zRef = z.string().trim().min(1).max(40);

export const complaintsRouter = createTRPCRouter({
  /** The complaint page (audited as `complaint.view`); `summary` only for roles that may read personal data. */
  get: procedureWith("complaints.read")
    .input(z.strictObject({ ref: zRef }))
    .query(({ ctx, input }) => complaintDetail(ctx.db, ctx.scope, auditActor(ctx.scope, ctx.meta), input.ref)),
  /** Status and resolution date under the import's rules; a sustained serious-abuse complaint raises its alert. */
  changeStatus: procedureWith("complaints.manage")
    .input(
      z.strictObject({
        ref: zRef,
        version: zVersion,
        status: z.enum(ComplaintStatus),
        resolvedOn: zCalendarDate.nullable(),
      }),
    )
    .mutation(({ ctx, input }) => changeComplaintStatus(ctx.db, workflowScope(ctx), input)),
});
