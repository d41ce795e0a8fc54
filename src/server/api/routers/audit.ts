import { exportAuditEvents } from "../../audit/export";
import { ZAuditFilters, ZListAuditInput } from "../../audit/list-input";
import { listAuditEvents } from "../../audit/search";
import { createTRPCRouter, procedureWith } from "../trpc";

export const auditRouter = createTRPCRouter({
  list: procedureWith("audit.read")
    .input(ZListAuditInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.scope, input, ctx.meta)),
  /** CSV chunks, streamed by the /audit/export route (not usable over the batched HTTP link). */
  export: procedureWith("audit.export")
    .input(ZAuditFilters)
    .query(({ ctx, input }) => exportAuditEvents(ctx.db, ctx.scope, input, ctx.meta)),
});
