import { z } from "zod";
import { alertDepartmentOptions, getAlertSettings, updateAlertSettings } from "../../alerts/settings";
import { ALERT_FREQUENCIES, ALERT_TRIGGERS } from "../../alerts/triggers";
import { createTRPCRouter, procedureWith } from "../trpc";

export const ZAlertSettingsInput = z.strictObject({
  deliveryHour: z.number().int().min(0).max(23),
  rows: z
    .array(
      z.strictObject({
        trigger: z.enum(ALERT_TRIGGERS),
        enabled: z.boolean(),
        frequency: z.enum(ALERT_FREQUENCIES),
        stateCodes: z.array(z.string().regex(/^\d{2}$/)).max(32),
        departmentIds: z.array(z.number().int().positive()).max(200),
        version: z.number().int().positive().nullable(),
      }),
    )
    .max(ALERT_TRIGGERS.length),
});

export const alertsRouter = createTRPCRouter({
  settings: procedureWith("alerts.manageOwn").query(({ ctx }) => getAlertSettings(ctx.db, ctx.scope)),
  updateSettings: procedureWith("alerts.manageOwn")
    .input(ZAlertSettingsInput)
    .mutation(({ ctx, input }) => updateAlertSettings(ctx.db, ctx.scope, input)),
  departmentOptions: procedureWith("alerts.manageOwn")
    .input(z.strictObject({ search: z.string().trim().min(1).max(100) }))
    .query(({ ctx, input }) => alertDepartmentOptions(ctx.db, ctx.scope, input)),
});
