import { z } from "zod";
import { listDepartments } from "../../departments/list-departments";
import { createTRPCRouter, procedureWith } from "../trpc";

export const ZListDepartmentsInput = z.strictObject({
  search: z.string().trim().max(100).optional(),
  stateCode: z.string().regex(/^\d{2}$/).optional(),
  kind: z.enum(["MUNICIPAL", "STATE"]).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
  sort: z.enum(["code", "name", "state", "officers"]).default("code"),
  direction: z.enum(["asc", "desc"]).default("asc"),
});

export const departmentsRouter = createTRPCRouter({
  list: procedureWith("departments.read")
    .input(ZListDepartmentsInput)
    .query(({ ctx, input }) => listDepartments(ctx.db, ctx.scope, input)),
});
