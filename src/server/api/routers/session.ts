import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { reauthenticate } from "../../auth/reauth";
import { getCurrentUser } from "../../users/current-user";
import { createTRPCRouter, publicProcedure } from "../trpc";

/** Open to anyone signed in, whatever the role: these act on the caller's own session. */
const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.scope) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return next({ ctx: { ...ctx, scope: ctx.scope } });
});

export const sessionRouter = createTRPCRouter({
  /** The signed-in user, or null. */
  me: publicProcedure.input(z.strictObject({}).optional()).query(({ ctx }) => (ctx.scope ? getCurrentUser(ctx.db, ctx.scope) : null)),
  /** Password + code again; opens a 5-minute window for role changes and imposing receivership. */
  reauthenticate: signedInProcedure
    .input(
      z.strictObject({
        password: z.string().min(1).max(1024),
        totp: z
          .string()
          .trim()
          .regex(/^\d{6}$/, "The code has 6 digits"),
      }),
    )
    .mutation(({ ctx, input }) => reauthenticate(ctx.db, ctx.scope, input, ctx.meta)),
});
