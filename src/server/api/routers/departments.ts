import { z } from "zod";
import { auditActor } from "../../audit/actor";
import { ComplaintCategory, ComplaintStatus } from "../../../generated/prisma/enums";
import { departmentComplaints } from "../../departments/department-complaints";
import { departmentOfficers } from "../../departments/department-officers";
import { departmentDossier } from "../../departments/dossier";
import { departmentFilterOptions } from "../../departments/filter-options";
import { listDepartments } from "../../departments/list-departments";
import { ZListDepartmentsInput } from "../../departments/list-input";
import { createTRPCRouter, procedureWith } from "../trpc";

const rosterPage = {
  departmentCode: z.string().trim().min(1).max(40),
  q: z.string().max(100).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
};

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
  /** One page of the dossier's officers (active today), searchable by id or name; audited. */
  officers: procedureWith("officers.read")
    .input(z.strictObject(rosterPage))
    .query(({ ctx, input }) => departmentOfficers(ctx.db, ctx.scope, auditActor(ctx.scope, ctx.meta), input)),
  /** One page of the dossier's complaints, newest first, searchable by reference, by status and category. */
  complaints: procedureWith("complaints.read")
    .input(z.strictObject({ ...rosterPage, status: z.enum(ComplaintStatus).optional(), category: z.enum(ComplaintCategory).optional() }))
    .query(({ ctx, input }) => departmentComplaints(ctx.db, ctx.scope, input)),
});
