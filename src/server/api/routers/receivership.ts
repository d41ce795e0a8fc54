import { z } from "zod";
import { approveReceivership } from "../../receivership/approve";
import { editReceivershipProposal } from "../../receivership/edit-proposal";
import { liftReceivership, withdrawReceivership } from "../../receivership/end";
import { DEFAULT_EXIT_CRITERIA, publishedRuleIds } from "../../receivership/exit-criteria";
import { extendReceivership } from "../../receivership/extend";
import { getReceivership, legalBasisTemplates, listReceiverships } from "../../receivership/list-receiverships";
import { addMilestone, removeMilestone, updateMilestone } from "../../receivership/milestones";
import { proposeReceivership } from "../../receivership/propose";
import { addCaseSourceLink, removeCaseSourceLink } from "../../receivership/source-links";
import { workflowScope } from "../../workflow/context";
import { zCalendarDate, zDepartmentCode, zId, zPage, zProposalTerms, zStateCode, zText, zVersion } from "../../workflow/inputs";
import { createTRPCRouter, procedureWith } from "../trpc";

const zStatus = z.enum(["PROPOSED", "IMPOSED", "LIFTED", "WITHDRAWN"]);

export const receivershipRouter = createTRPCRouter({
  list: procedureWith("departments.read")
    .input(
      z.strictObject({
        status: z.array(zStatus).max(4).optional(),
        stateCode: zStateCode.optional(),
        departmentCode: zDepartmentCode.optional(),
        ...zPage,
      }),
    )
    .query(({ ctx, input }) => listReceiverships(ctx.db, ctx.scope, input)),
  get: procedureWith("departments.read")
    .input(z.strictObject({ id: zId }))
    .query(({ ctx, input }) => getReceivership(ctx.db, ctx.scope, input.id)),
  /** Default legal-basis wordings and exit criteria for the proposal form, and the rules a criterion may name. */
  defaults: procedureWith("receivership.propose")
    .input(z.strictObject({}).optional())
    .query(async ({ ctx }) => ({
      legalBasisTemplates: legalBasisTemplates(),
      exitCriteria: DEFAULT_EXIT_CRITERIA,
      ruleIds: [...(await publishedRuleIds(ctx.db))].sort(),
    })),
  propose: procedureWith("receivership.propose")
    .input(z.strictObject({ departmentCode: zDepartmentCode, ...zProposalTerms }))
    .mutation(({ ctx, input }) => proposeReceivership(ctx.db, workflowScope(ctx), input)),
  edit: procedureWith("receivership.propose")
    .input(
      z.strictObject({
        id: zId,
        version: zVersion,
        ...zProposalTerms,
        receivingAuthority: zProposalTerms.receivingAuthority.optional(),
        terms: zProposalTerms.terms.optional(),
      }),
    )
    .mutation(({ ctx, input }) => editReceivershipProposal(ctx.db, workflowScope(ctx), input)),
  approve: procedureWith("receivership.approve")
    .input(z.strictObject({ id: zId, version: zVersion }))
    .mutation(({ ctx, input }) => approveReceivership(ctx.db, workflowScope(ctx), input)),
  withdraw: procedureWith("receivership.propose")
    .input(z.strictObject({ id: zId, version: zVersion, reason: zText(5000) }))
    .mutation(({ ctx, input }) => withdrawReceivership(ctx.db, workflowScope(ctx), input)),
  extend: procedureWith("receivership.extend")
    .input(z.strictObject({ id: zId, version: zVersion, reviewDate: zCalendarDate, reason: zText(5000) }))
    .mutation(({ ctx, input }) => extendReceivership(ctx.db, workflowScope(ctx), input)),
  addSourceLink: procedureWith("receivership.propose")
    .input(z.strictObject({ caseId: zId, url: zText(2100), label: zText(300) }))
    .mutation(({ ctx, input }) => addCaseSourceLink(ctx.db, workflowScope(ctx), input)),
  removeSourceLink: procedureWith("receivership.propose")
    .input(z.strictObject({ id: zId }))
    .mutation(({ ctx, input }) => removeCaseSourceLink(ctx.db, workflowScope(ctx), input)),
  lift: procedureWith("receivership.lift")
    .input(
      z.strictObject({
        id: zId,
        version: zVersion,
        endDate: zCalendarDate.optional(),
        overrideReason: zText(5000).optional(),
        note: zText(5000).optional(),
      }),
    )
    .mutation(({ ctx, input }) => liftReceivership(ctx.db, workflowScope(ctx), input)),
  addMilestone: procedureWith("receivership.propose")
    .input(z.strictObject({ caseId: zId, title: zText(500), dueOn: zCalendarDate }))
    .mutation(({ ctx, input }) => addMilestone(ctx.db, workflowScope(ctx), input)),
  updateMilestone: procedureWith("receivership.propose")
    .input(
      z.strictObject({
        id: zId,
        version: zVersion,
        title: zText(500).optional(),
        dueOn: zCalendarDate.optional(),
        completedOn: zCalendarDate.nullable().optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateMilestone(ctx.db, workflowScope(ctx), input)),
  removeMilestone: procedureWith("receivership.propose")
    .input(z.strictObject({ id: zId, version: zVersion }))
    .mutation(({ ctx, input }) => removeMilestone(ctx.db, workflowScope(ctx), input)),
});
