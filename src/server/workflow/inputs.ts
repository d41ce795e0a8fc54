import { z } from "zod";

/** Zod pieces the workflow routers share; services still check meaning (real dates, lengths). */
export const zId = z.number().int().positive();
export const zVersion = z.number().int().positive();
export const zCalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD");
export const zStateCode = z.string().regex(/^\d{2}$/);
export const zDepartmentCode = z.string().trim().min(1).max(40);
export const zText = (max: number) => z.string().max(max);
export const zPage = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
};
export const zExitCriterion = z.strictObject({
  ruleId: z.string().min(1).max(60),
  comparator: z.enum(["GTE", "LTE"]),
  threshold: z.number(), // zod 4 numbers are finite
});
export const zProposalTerms = {
  receivingAuthority: zText(500),
  terms: zText(20_000),
  legalBasis: zText(20_000).optional(),
  startDate: zCalendarDate.nullable().optional(),
  reviewDate: zCalendarDate.nullable().optional(),
  exitCriteria: z.array(zExitCriterion).max(20).optional(),
};
