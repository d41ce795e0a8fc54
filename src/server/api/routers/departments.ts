import { z } from "zod";
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
});
