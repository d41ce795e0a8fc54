import type { AlertFrequency, AlertTrigger } from "../../generated/prisma/enums";
import { recordAudit } from "../audit/record";
import { type Scope, departmentWhere, visibleStateCode } from "../authz/scope";
import type { Db } from "../db/client";
import { AppError, notFound, staleVersion } from "../errors";
import { DEFAULT_DELIVERY_HOUR, ensureDefaultSubscriptions } from "./defaults";
import { triggersForRole } from "./triggers";

export type AlertSettingRow = {
  trigger: AlertTrigger;
  enabled: boolean;
  frequency: AlertFrequency;
  stateCodes: string[];
  departmentIds: number[];
  /** null: no row yet (the trigger is off). */
  version: number | null;
};

export type AlertSettings = {
  deliveryHour: number;
  timeZone: string;
  locale: string;
  /** The states the caller may choose from: their own for a state AG, all for nationwide roles. */
  states: { code: string; name: string }[];
  departments: { id: number; code: string; name: string; stateCode: string }[];
  rows: AlertSettingRow[];
};

/** The caller's alert settings, one row per trigger their role may receive (defaults on first visit). */
export async function getAlertSettings(db: Db, scope: Scope): Promise<AlertSettings> {
  const user = await db.user.findUnique({ where: { id: scope.userId }, select: { id: true, timeZone: true, locale: true } });
  if (!user) throw notFound("User");
  await ensureDefaultSubscriptions(db, [user.id]);
  const stored = await db.alertSubscription.findMany({ where: { userId: user.id } });
  const state = visibleStateCode(scope);
  const [states, departments] = await Promise.all([
    db.state.findMany({ where: state ? { code: state } : {}, select: { code: true, name: true }, orderBy: { code: "asc" } }),
    db.department.findMany({
      where: { AND: [departmentWhere(scope), { id: { in: stored.flatMap((s) => s.departmentIds) } }] },
      select: { id: true, code: true, name: true, stateCode: true },
    }),
  ]);
  const rows = triggersForRole(scope.role).map((trigger): AlertSettingRow => {
    const row = stored.find((s) => s.trigger === trigger);
    return row
      ? {
          trigger,
          enabled: row.enabled,
          frequency: row.frequency,
          stateCodes: row.stateCodes,
          departmentIds: row.departmentIds,
          version: row.version,
        }
      : { trigger, enabled: false, frequency: "DAILY", stateCodes: [], departmentIds: [], version: null };
  });
  const hours = stored.filter((s) => s.enabled && s.frequency !== "IMMEDIATE").map((s) => s.deliveryHour);
  return {
    deliveryHour: hours.length ? Math.min(...hours) : DEFAULT_DELIVERY_HOUR,
    timeZone: user.timeZone,
    locale: user.locale,
    states,
    departments,
    rows,
  };
}

export type AlertSettingsUpdate = {
  deliveryHour: number;
  rows: AlertSettingRow[];
};

/** Rejects anything wider than the caller's role allows, naming what is wrong. */
async function validate(db: Db, scope: Scope, input: AlertSettingsUpdate) {
  const allowed = triggersForRole(scope.role);
  const seen = new Set<AlertTrigger>();
  for (const row of input.rows) {
    if (!allowed.includes(row.trigger)) throw new AppError("BAD_REQUEST", `Your role cannot receive the alert ${row.trigger}`);
    if (seen.has(row.trigger)) throw new AppError("BAD_REQUEST", `The alert ${row.trigger} appears twice`);
    seen.add(row.trigger);
  }
  const state = visibleStateCode(scope);
  const states = [...new Set(input.rows.flatMap((r) => r.stateCodes))];
  const outside = state ? states.filter((s) => s !== state) : [];
  if (outside.length)
    throw new AppError("BAD_REQUEST", `You may only choose your own state (${state}); not allowed: ${outside.join(", ")}`);
  const known = await db.state.count({ where: { code: { in: states } } });
  if (known !== states.length) throw new AppError("BAD_REQUEST", `Unknown state code among: ${states.join(", ")}`);
  const ids = [...new Set(input.rows.flatMap((r) => r.departmentIds))];
  const visible = await db.department.findMany({ where: { AND: [departmentWhere(scope), { id: { in: ids } }] }, select: { id: true } });
  const missing = ids.filter((id) => !visible.some((d) => d.id === id));
  // Out-of-scope departments answer exactly like nonexistent ones.
  if (missing.length) throw new AppError("BAD_REQUEST", `Unknown department id(s): ${missing.join(", ")}`);
}

/** Saves the caller's alert settings; every row is version-checked and the change is audited. */
export async function updateAlertSettings(db: Db, scope: Scope, input: AlertSettingsUpdate): Promise<AlertSettings> {
  await validate(db, scope, input);
  await db.$transaction(async (tx) => {
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const row of input.rows) {
      const data = {
        enabled: row.enabled,
        frequency: row.frequency,
        stateCodes: [...new Set(row.stateCodes)].sort(),
        departmentIds: [...new Set(row.departmentIds)].sort((a, b) => a - b),
        deliveryHour: input.deliveryHour,
      };
      const before = await tx.alertSubscription.findUnique({ where: { userId_trigger: { userId: scope.userId, trigger: row.trigger } } });
      if (row.version === null) {
        if (before) throw staleVersion(`Alert ${row.trigger}`);
        await tx.alertSubscription.create({ data: { userId: scope.userId, trigger: row.trigger, ...data } });
      } else {
        const updated = await tx.alertSubscription.updateMany({
          where: { userId: scope.userId, trigger: row.trigger, version: row.version },
          data: { ...data, version: { increment: 1 } },
        });
        if (updated.count === 0) throw staleVersion(`Alert ${row.trigger}`);
      }
      const was = before && {
        enabled: before.enabled,
        frequency: before.frequency,
        stateCodes: before.stateCodes,
        departmentIds: before.departmentIds,
        deliveryHour: before.deliveryHour,
      };
      if (JSON.stringify(was) !== JSON.stringify(data)) changes[row.trigger] = { before: was ?? null, after: data };
    }
    await recordAudit(tx, {
      actor: { userId: scope.userId, role: scope.role, sessionId: scope.sessionId ?? null },
      action: "alerts.updateSettings",
      targetType: "User",
      targetId: scope.userId,
      stateCode: scope.stateCode,
      changes,
    });
  });
  return getAlertSettings(db, scope);
}

/** Departments the caller may pick for a subscription (their scope only), by name or code. */
export async function alertDepartmentOptions(db: Db, scope: Scope, input: { search: string }) {
  return db.department.findMany({
    where: {
      AND: [
        departmentWhere(scope),
        { OR: [{ name: { contains: input.search, mode: "insensitive" } }, { code: { contains: input.search, mode: "insensitive" } }] },
      ],
    },
    select: { id: true, code: true, name: true, stateCode: true },
    orderBy: { code: "asc" },
    take: 20,
  });
}
