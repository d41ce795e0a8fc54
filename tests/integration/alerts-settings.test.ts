import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import type { Scope } from "~/server/authz/scope";
import { alertDepartment, alertUser } from "../support/alerts-fixtures";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();

const caller = (scope: Scope) => createCaller({ db: test.current.db, scope, meta: { ip: null, userAgent: null } });

describe("alert settings", () => {
  let ag: Scope;
  let auditor: Scope;
  let morelia: { id: number };
  let guadalajara: { id: number };

  beforeAll(async () => {
    const { db } = test.current;
    const agUser = await alertUser(db, "STATE_AG", { stateCode: "16" });
    const auditorUser = await alertUser(db, "AUDITOR");
    ag = { userId: agUser.id, role: "STATE_AG", stateCode: "16" };
    auditor = { userId: auditorUser.id, role: "AUDITOR", stateCode: null };
    morelia = await alertDepartment(db, "16", "Policía de Morelia");
    guadalajara = await alertDepartment(db, "14", "Policía de Guadalajara");
  });

  it("starts from the role's defaults and offers only what the role may receive", async () => {
    const settings = await caller(ag).alerts.settings();
    expect(settings.deliveryHour).toBe(7);
    expect(settings.states).toEqual([{ code: "16", name: "Michoacán" }]);
    expect(settings.rows.map((r) => [r.trigger, r.enabled, r.frequency])).toEqual([
      ["LEVEL_ROSE", true, "IMMEDIATE"],
      ["RECOMMENDATION_AWAITING", true, "IMMEDIATE"],
      ["VETTING_EXPIRING", true, "WEEKLY"],
      ["FAILED_VETTING_ON_DUTY", true, "WEEKLY"],
      ["SERIOUS_ABUSE_SUSTAINED", true, "IMMEDIATE"],
      ["COMPLAINT_SPIKE", true, "DAILY"],
      ["MILESTONE_DUE", true, "DAILY"],
    ]);
    const auditorRows = (await caller(auditor).alerts.settings()).rows;
    expect(auditorRows.map((r) => r.trigger)).toEqual([
      "LEVEL_ROSE",
      "VETTING_EXPIRING",
      "FAILED_VETTING_ON_DUTY",
      "SERIOUS_ABUSE_SUSTAINED",
      "COMPLAINT_SPIKE",
    ]);
    expect(auditorRows.filter((r) => r.enabled).map((r) => r.trigger)).toEqual(["LEVEL_ROSE"]);
  });

  it("saves changes with the version seen, audited", async () => {
    const { rows } = await caller(ag).alerts.settings();
    const edited = rows.map((r) =>
      r.trigger === "LEVEL_ROSE"
        ? { ...r, frequency: "DAILY" as const, departmentIds: [morelia.id] }
        : r.trigger === "MILESTONE_DUE"
          ? { ...r, enabled: false }
          : r,
    );
    const saved = await caller(ag).alerts.updateSettings({ deliveryHour: 6, rows: edited });
    expect(saved.deliveryHour).toBe(6);
    expect(saved.rows.find((r) => r.trigger === "LEVEL_ROSE")).toMatchObject({
      frequency: "DAILY",
      departmentIds: [morelia.id],
      version: 2,
    });
    expect(saved.departments).toEqual([{ id: morelia.id, code: expect.any(String), name: "Policía de Morelia", stateCode: "16" }]);
    const audit = await test.current.db.auditEvent.findFirstOrThrow({ where: { action: "alerts.updateSettings", actorId: ag.userId } });
    expect(Object.keys(audit.changes as object).sort()).toEqual([
      "COMPLAINT_SPIKE",
      "FAILED_VETTING_ON_DUTY",
      "LEVEL_ROSE",
      "MILESTONE_DUE",
      "RECOMMENDATION_AWAITING",
      "SERIOUS_ABUSE_SUSTAINED",
      "VETTING_EXPIRING",
    ]);
    // Saving again with the old versions: someone else changed them since.
    await expect(caller(ag).alerts.updateSettings({ deliveryHour: 6, rows: edited })).rejects.toThrow(/changed by someone else/);
  });

  it("refuses anything wider than the role's scope, naming it, and changes nothing", async () => {
    const before = await test.current.db.alertSubscription.findMany({ where: { userId: ag.userId }, orderBy: { id: "asc" } });
    const { rows } = await caller(ag).alerts.settings();
    const withRow = (patch: Partial<(typeof rows)[number]>) => rows.map((r) => (r.trigger === "COMPLAINT_SPIKE" ? { ...r, ...patch } : r));
    await expect(caller(ag).alerts.updateSettings({ deliveryHour: 9, rows: withRow({ stateCodes: ["14"] }) })).rejects.toThrow(
      "You may only choose your own state (16); not allowed: 14",
    );
    await expect(caller(ag).alerts.updateSettings({ deliveryHour: 9, rows: withRow({ departmentIds: [guadalajara.id] }) })).rejects.toThrow(
      `Unknown department id(s): ${guadalajara.id}`,
    );
    await expect(caller(auditor).alerts.updateSettings({ deliveryHour: 9, rows: [{ ...rows[1]!, version: null }] })).rejects.toThrow(
      "Your role cannot receive the alert RECOMMENDATION_AWAITING",
    );
    await expect(caller(ag).alerts.updateSettings({ deliveryHour: 24, rows })).rejects.toThrow();
    expect(await test.current.db.alertSubscription.findMany({ where: { userId: ag.userId }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("searches departments within the caller's scope only", async () => {
    expect((await caller(ag).alerts.departmentOptions({ search: "Policía de" })).map((d) => d.id)).toEqual([morelia.id]);
    expect((await caller(auditor).alerts.departmentOptions({ search: "Policía de" })).map((d) => d.id).sort()).toEqual(
      [morelia.id, guadalajara.id].sort(),
    );
  });
});
