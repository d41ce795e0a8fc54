import { z } from "zod";
import { ImportKind, ImportStatus } from "../../../generated/prisma/enums";
import { auditActor } from "../../audit/actor";
import { cancelImport, confirmImport, inBackground, retryImport } from "../../imports/batch-actions";
import { validateBatch, writeBatch } from "../../imports/batch-steps";
import { getImport, listImports } from "../../imports/history";
import { undoImport } from "../../imports/undo";
import { zId, zPage } from "../../workflow/inputs";
import { type Context, createTRPCRouter, procedureWith } from "../trpc";

const byId = z.strictObject({ id: zId });
const signedInActor = (ctx: Context & { scope: NonNullable<Context["scope"]> }) => ({
  ...auditActor(ctx.scope, ctx.meta),
  userId: ctx.scope.userId,
});

/** Web imports (upload itself is the /api/imports/upload route: a stream, not JSON). */
export const importsRouter = createTRPCRouter({
  list: procedureWith("data.import")
    .input(z.strictObject({ kind: z.enum(ImportKind).optional(), status: z.enum(ImportStatus).optional(), ...zPage }))
    .query(({ ctx, input }) => listImports(ctx.db, input)),
  get: procedureWith("data.import")
    .input(byId)
    .query(({ ctx, input }) => getImport(ctx.db, input.id)),
  confirm: procedureWith("data.import")
    .input(byId)
    .mutation(async ({ ctx, input }) => {
      const actor = signedInActor(ctx);
      await confirmImport(ctx.db, actor, input.id);
      inBackground("write", () => writeBatch(ctx.db, actor, input.id));
      return { id: input.id };
    }),
  cancel: procedureWith("data.import")
    .input(byId)
    .mutation(({ ctx, input }) => cancelImport(ctx.db, signedInActor(ctx), input.id)),
  retry: procedureWith("data.import")
    .input(byId)
    .mutation(async ({ ctx, input }) => {
      const actor = signedInActor(ctx);
      const id = await retryImport(ctx.db, actor, input.id);
      inBackground("validation", () => validateBatch(ctx.db, actor, id));
      return { id };
    }),
  undo: procedureWith("imports.undo")
    .input(byId)
    .mutation(({ ctx, input }) => undoImport(ctx.db, signedInActor(ctx), input.id)),
});
