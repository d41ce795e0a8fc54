import { z } from "zod";
import { auditActor } from "../../audit/actor";
import { officerProfile } from "../../officers/officer-profile";
import { createTRPCRouter, procedureWith } from "../trpc";

export const officersRouter = createTRPCRouter({
  /** The officer page (audited as `officer.view`); another state's officer answers NOT_FOUND. */
  get: procedureWith("officers.read")
    .input(z.strictObject({ id: z.string().trim().min(1).max(30) }))
    .query(({ ctx, input }) => officerProfile(ctx.db, ctx.scope, auditActor(ctx.scope, ctx.meta), input.id)),
});
