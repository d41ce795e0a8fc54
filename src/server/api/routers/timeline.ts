import { z } from "zod";
import { departmentTimeline, TIMELINE_KINDS } from "../../departments/timeline";
import { zDepartmentCode } from "../../workflow/inputs";
import { createTRPCRouter, procedureWith } from "../trpc";

export const timelineRouter = createTRPCRouter({
  /** A department's merged history, newest first; pass `nextCursor` back for the next page. */
  department: procedureWith("departments.read")
    .input(
      z.strictObject({
        departmentCode: zDepartmentCode,
        limit: z.number().int().min(1).max(500).default(100),
        cursor: z.string().max(200).nullable().optional(),
        // tRPC's infinite queries send the paging direction with every page; only forward paging exists.
        direction: z.literal("forward").optional(),
        kinds: z.array(z.enum(TIMELINE_KINDS)).max(TIMELINE_KINDS.length).optional(),
      }),
    )
    .query(({ ctx, input }) => departmentTimeline(ctx.db, ctx.scope, input.departmentCode, input)),
});
