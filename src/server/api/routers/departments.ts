import { z } from "zod";
import { auditActor } from "../../audit/actor";
import { departmentDossier } from "../../departments/dossier";
import { departmentFilterOptions } from "../../departments/filter-options";
import { listDepartments } from "../../departments/list-departments";
import { ZListDepartmentsInput } from "../../departments/list-input";
import { createTRPCRouter, procedureWith } from "../trpc";

export const departmentsRouter = createTRPCRouter({
  list: procedureWith("departments.read")
    .input(ZListDepartmentsInput)
    .query(({ ctx, input }) => listDepartments(ctx.db, ctx.scope, input)),
  filterOptions: procedureWith("departments.read")
    .input(z.strictObject({}).optional())
    .query(({ ctx }) => departmentFilterOptions(ctx.db, ctx.scope)),
  dossier: procedureWith("departments.read")
    .input(z.strictObject({ code: z.string().trim().min(1).max(40) }))
    .query(({ ctx, input }) => departmentDossier(ctx.db, ctx.scope, auditActor(ctx.scope, ctx.meta), input.code)),
});
