import { z } from "zod";
import { pgBossBacktestQueue } from "../../jobs/backtest-queue";
import { getBacktest, listBacktests, requestBacktest } from "../../rule-sets/backtest";
import { createDraft, deleteDraft, updateDraft } from "../../rule-sets/drafts";
import { dryRun } from "../../rule-sets/dry-run";
import { publishDraft } from "../../rule-sets/publish";
import { getRuleSetVersion, listRuleSets } from "../../rule-sets/read";
import { workflowScope } from "../../workflow/context";
import { zCalendarDate, zId, zVersion } from "../../workflow/inputs";
import { createTRPCRouter, procedureWith } from "../trpc";

const versioned = z.strictObject({ id: zId, lockVersion: zVersion });

/** The rule editor: drafts, dry-run, publishing and backtests (ADMIN, `rules.manage`). */
export const rulesRouter = createTRPCRouter({
  list: procedureWith("rules.manage").query(({ ctx }) => listRuleSets(ctx.db, workflowScope(ctx))),
  get: procedureWith("rules.manage")
    .input(z.strictObject({ id: zId }))
    .query(({ ctx, input }) => getRuleSetVersion(ctx.db, workflowScope(ctx), input)),
  createDraft: procedureWith("rules.manage")
    .input(z.strictObject({ fromVersionId: zId, notes: z.string().max(2000).optional() }))
    .mutation(({ ctx, input }) => createDraft(ctx.db, workflowScope(ctx), input)),
  // The definition is checked by the service with the engine's schema, which reports every field's problem.
  updateDraft: procedureWith("rules.manage")
    .input(versioned.extend({ definition: z.unknown(), notes: z.string().max(2000).optional() }))
    .mutation(({ ctx, input }) => updateDraft(ctx.db, workflowScope(ctx), input)),
  deleteDraft: procedureWith("rules.manage")
    .input(versioned)
    .mutation(({ ctx, input }) => deleteDraft(ctx.db, workflowScope(ctx), input)),
  publish: procedureWith("rules.manage")
    .input(versioned)
    .mutation(({ ctx, input }) => publishDraft(ctx.db, workflowScope(ctx), input)),
  dryRun: procedureWith("rules.manage")
    .input(z.strictObject({ versionId: zId, asOf: zCalendarDate.optional() }))
    .query(({ ctx, input }) => dryRun(ctx.db, workflowScope(ctx), input)),
  startBacktest: procedureWith("rules.manage")
    .input(z.strictObject({ versionId: zId, endOn: zCalendarDate.optional() }))
    .mutation(({ ctx, input }) => requestBacktest(ctx.db, workflowScope(ctx), input, pgBossBacktestQueue())),
  backtest: procedureWith("rules.manage")
    .input(z.strictObject({ id: zId }))
    .query(({ ctx, input }) => getBacktest(ctx.db, workflowScope(ctx), input)),
  backtests: procedureWith("rules.manage")
    .input(z.strictObject({ versionId: zId }))
    .query(({ ctx, input }) => listBacktests(ctx.db, workflowScope(ctx), input)),
});
