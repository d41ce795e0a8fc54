import { z } from "zod";
import { addComment, listComments, MAX_COMMENT_LENGTH } from "../../comments/comments";
import { workflowScope } from "../../workflow/context";
import { zDepartmentCode, zId, zPage } from "../../workflow/inputs";
import { createTRPCRouter, procedureWith } from "../trpc";

const zTarget = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("DEPARTMENT"), departmentCode: zDepartmentCode }),
  z.strictObject({ type: z.literal("REVIEW"), id: zId }),
  z.strictObject({ type: z.literal("RECEIVERSHIP"), id: zId }),
]);

export const commentsRouter = createTRPCRouter({
  list: procedureWith("departments.read")
    .input(z.strictObject({ target: zTarget, ...zPage }))
    .query(({ ctx, input }) => listComments(ctx.db, ctx.scope, input)),
  add: procedureWith("comments.write")
    .input(z.strictObject({ target: zTarget, body: z.string().max(MAX_COMMENT_LENGTH + 100) }))
    .mutation(({ ctx, input }) => addComment(ctx.db, workflowScope(ctx), input)),
});
