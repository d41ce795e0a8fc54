import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { env } from "../../../env";
import { recordAuditNow } from "../../audit/record";
import { listCaughtMail, readCaughtMail } from "../../email/dev-mailbox";
import { listOutbox, outboxSummary, retryOutboxEmails } from "../../email/outbox-admin";
import { createTRPCRouter, procedureWith } from "../trpc";

/** The demo mail catcher exists only in demo mode; elsewhere its pages answer "not found". */
const devMailProcedure = procedureWith("outbox.admin").use(({ next }) => {
  if (env.VIGILA_DEMO !== "1") throw new TRPCError({ code: "NOT_FOUND", message: "Only available in demo mode" });
  return next();
});

export const outboxRouter = createTRPCRouter({
  summary: procedureWith("outbox.admin").query(({ ctx }) => outboxSummary(ctx.db)),
  list: procedureWith("outbox.admin")
    .input(
      z.strictObject({
        status: z.enum(["PENDING", "SENDING", "SENT", "FAILED", "CANCELLED"]).optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => listOutbox(ctx.db, ctx.scope, input)),
  retry: procedureWith("outbox.admin")
    .input(
      z.strictObject({
        ids: z
          .array(z.string().regex(/^\d{1,19}$/))
          .min(1)
          .max(500),
      }),
    )
    .mutation(({ ctx, input }) => retryOutboxEmails(ctx.db, ctx.scope, input)),
  devMail: createTRPCRouter({
    list: devMailProcedure.query(() => listCaughtMail()),
    get: devMailProcedure.input(z.strictObject({ id: z.string().max(40) })).query(async ({ ctx, input }) => {
      const mail = await readCaughtMail(input.id);
      if (!mail) throw new TRPCError({ code: "NOT_FOUND", message: "Message not found" });
      await recordAuditNow(ctx.db, {
        actor: { userId: ctx.scope.userId, role: ctx.scope.role, sessionId: ctx.scope.sessionId ?? null },
        action: "devMail.view",
        targetType: "DevMail",
        targetId: input.id,
      });
      return mail;
    }),
  }),
});
