import { z } from "zod";
import { createUser } from "../../users/create-user";
import { listUsers } from "../../users/list-users";
import { emailSchema, personNameSchema, roleSchema, stateCodeSchema } from "../../users/rules";
import { setUserDisabled, setUserRole, unlockUser } from "../../users/update-user";
import { workflowScope } from "../../workflow/context";
import { createTRPCRouter, procedureWith } from "../trpc";

const zTarget = { id: z.number().int().positive(), version: z.number().int().positive() };

export const usersRouter = createTRPCRouter({
  list: procedureWith("users.manage")
    .input(z.strictObject({}).optional())
    .query(({ ctx }) => listUsers(ctx.db, workflowScope(ctx))),
  /** Returns the new user's TOTP secret and otpauth:// URI: the only time they are shown. */
  create: procedureWith("users.manage")
    .input(
      z.strictObject({
        email: emailSchema,
        name: personNameSchema,
        role: roleSchema,
        stateCode: stateCodeSchema.nullable(),
        password: z.string().min(1).max(1024),
      }),
    )
    .mutation(({ ctx, input }) => createUser(ctx.db, workflowScope(ctx), input)),
  /** Needs a re-authentication within the last 5 minutes (`session.reauthenticate`). */
  setRole: procedureWith("users.manage")
    .input(z.strictObject({ ...zTarget, role: roleSchema, stateCode: stateCodeSchema.nullable() }))
    .mutation(({ ctx, input }) => setUserRole(ctx.db, workflowScope(ctx), input)),
  setDisabled: procedureWith("users.manage")
    .input(z.strictObject({ ...zTarget, disabled: z.boolean() }))
    .mutation(({ ctx, input }) => setUserDisabled(ctx.db, workflowScope(ctx), input)),
  unlock: procedureWith("users.manage")
    .input(z.strictObject(zTarget))
    .mutation(({ ctx, input }) => unlockUser(ctx.db, workflowScope(ctx), input)),
});
