import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAlertsCycle } from "~/server/alerts/cycle";
import { buildDueDigests } from "~/server/alerts/digests";
import { unsubscribeWithToken } from "~/server/alerts/unsubscribe";
import { verifyUnsubscribeToken } from "~/server/alerts/unsubscribe-token";
import { type Db, createDb } from "~/server/db/client";
import { messageIdFor } from "~/server/email/outbox";
import { alertDepartment, alertUser, complaint, evaluationRun, subscribe } from "../support/alerts-fixtures";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();

const NOW = new Date("2026-06-30T18:00:00Z"); // 12:00 in Mexico City
const NEXT_MORNING = new Date("2026-07-01T13:00:00Z"); // 07:00 in Mexico City

async function emailsTo(userId: number) {
  return test.current.db.outboxEmail.findMany({ where: { userId }, orderBy: { id: "asc" } });
}

describe("alert delivery: scope, frequency, language", () => {
  let morelia: { id: number; name: string };
  let zapopan: { id: number; name: string };
  let agMichoacan: { id: number };
  let supervisor: { id: number };
  let analyst: { id: number };
  let other: Db;

  beforeAll(async () => {
    const { db } = test.current;
    other = createDb(test.current.url);
    morelia = await alertDepartment(db, "16", "Policía Municipal de Morelia");
    zapopan = await alertDepartment(db, "14", "Policía Municipal de Zapopan");
    agMichoacan = await alertUser(db, "STATE_AG", { stateCode: "16" });
    supervisor = await alertUser(db, "IA_SUPERVISOR", { locale: "en" });
    analyst = await alertUser(db, "IA_ANALYST", { timeZone: "Pacific/Kiritimati" });
    await subscribe(db, agMichoacan.id, [
      { trigger: "LEVEL_ROSE", frequency: "IMMEDIATE" },
      { trigger: "SERIOUS_ABUSE_SUSTAINED", frequency: "DAILY" },
      { trigger: "COMPLAINT_SPIKE", frequency: "DAILY" },
    ]);
    await subscribe(db, supervisor.id, [
      { trigger: "LEVEL_ROSE", frequency: "IMMEDIATE" },
      { trigger: "SERIOUS_ABUSE_SUSTAINED", frequency: "DAILY" },
    ]);
    // The analyst chose one department only.
    await subscribe(db, analyst.id, [{ trigger: "LEVEL_ROSE", frequency: "DAILY", departmentIds: [zapopan.id] }]);

    await evaluationRun(db, "2026-06-30", [
      { departmentId: morelia.id, level: "REVIEW" },
      { departmentId: zapopan.id, level: "RECEIVERSHIP" },
    ]);
    for (const d of [morelia, zapopan]) {
      await complaint(db, d.id, {
        receivedOn: "2026-06-01",
        category: "SEXUAL_ABUSE",
        status: "SUSTAINED",
        resolvedOn: "2026-06-29",
        summary: "Víctima: Rosa Elena Ibarra",
      });
    }
  });

  afterAll(async () => {
    await other?.$disconnect();
  });

  it("sends immediate alerts limited to each recipient's current scope", async () => {
    const result = await runAlertsCycle(test.current.db, { now: NOW });
    expect(result.immediate.emails).toBe(2);
    const [toAg] = await emailsTo(agMichoacan.id);
    expect(toAg?.subject).toBe("Vigila: Subió el nivel de alerta");
    expect(toAg?.html).toContain("Policía Municipal de Morelia");
    expect(toAg?.text).toContain("Policía Municipal de Morelia");
    for (const body of [toAg?.html, toAg?.text]) expect(body).not.toContain("Zapopan");
    const [toSupervisor] = await emailsTo(supervisor.id);
    expect(toSupervisor?.subject).toBe("Vigila: Alert level rose");
    expect(toSupervisor?.text).toContain("Zapopan");
    expect(toSupervisor?.text).toContain("from none to receivership");
  });

  it("writes each email once, with a Message-ID derived from its idempotency key", async () => {
    await runAlertsCycle(test.current.db, { now: NOW });
    const all = await test.current.db.outboxEmail.findMany();
    expect(all).toHaveLength(2);
    for (const email of all) {
      expect(email.messageId).toBe(messageIdFor(email.idempotencyKey));
      expect(email.idempotencyKey).toMatch(/^alert:sub\d+:LEVEL_ROSE:ev\d+$/);
    }
  });

  it("carries RFC 8058 one-click unsubscribe headers and a link to the settings page", async () => {
    const [email] = await emailsTo(agMichoacan.id);
    const headers = email!.headers as Record<string, string>;
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const url = /^<(.+)>$/.exec(headers["List-Unsubscribe"]!)![1]!;
    const token = new URL(url).searchParams.get("token")!;
    expect(verifyUnsubscribeToken(token, NOW)).toMatchObject({ userId: agMichoacan.id, triggers: ["LEVEL_ROSE"] });
    expect(email!.html).toContain("/settings/alerts");
    expect(email!.html).toContain(url.replaceAll("&", "&amp;"));
  });

  it("builds one digest per user per period even when two workers build at once", async () => {
    // Before 07:00 nothing is due for today; at 07:00 the digest covers the previous 24 hours.
    await buildDueDigests(test.current.db, new Date("2026-07-01T12:59:00Z"));
    const early = await test.current.db.alertDigest.count({
      where: { periodKey: "2026-07-01", userId: { in: [agMichoacan.id, supervisor.id] } },
    });
    expect(early).toBe(0);
    await Promise.all([
      buildDueDigests(test.current.db, NEXT_MORNING),
      buildDueDigests(other, NEXT_MORNING),
      buildDueDigests(other, NEXT_MORNING),
    ]);
    const digests = await test.current.db.alertDigest.findMany({
      where: { periodKey: "2026-07-01", userId: { in: [agMichoacan.id, supervisor.id] } },
    });
    expect(digests.map((d) => d.userId).sort()).toEqual([agMichoacan.id, supervisor.id].sort());
    const outbox = await test.current.db.outboxEmail.findMany({ where: { idempotencyKey: { startsWith: "digest:" } } });
    expect(outbox).toHaveLength(2);
  });

  it("never mentions another state's department in the Michoacán AG's digest, nor complainant data", async () => {
    const digest = (await emailsTo(agMichoacan.id)).find((e) => e.idempotencyKey.startsWith("digest:"))!;
    expect(digest.idempotencyKey).toBe(`digest:u${agMichoacan.id}:DAILY:2026-07-01`);
    // The sustained complaint, and the spike it makes (1 in 30 days > 2 × 1/12).
    expect(digest.subject).toBe("Vigila: resumen diario (2 avisos)");
    expect(digest.text).toContain("Policía Municipal de Morelia");
    expect(digest.text).toContain("(abuso sexual) acreditada el 29 de junio de 2026");
    expect(digest.text).toContain("1 queja en 30 días; promedio mensual de 12 meses 0.08");
    for (const body of [digest.html, digest.text, digest.subject]) {
      expect(body).not.toContain("Zapopan");
      expect(body).not.toContain("Jalisco");
      expect(body).not.toContain("Rosa Elena");
    }
  });

  it("follows the user's time zone and chosen departments", async () => {
    // 07:00 in Kiritimati on 2026-07-01 is 17:00 UTC on 2026-06-30, before the evaluation was noticed.
    await buildDueDigests(test.current.db, new Date("2026-06-30T17:00:00Z"));
    expect(await emailsTo(analyst.id)).toHaveLength(0);
    await buildDueDigests(test.current.db, new Date("2026-07-01T17:00:00Z"));
    const [digest] = await emailsTo(analyst.id);
    expect(digest?.idempotencyKey).toBe(`digest:u${analyst.id}:DAILY:2026-07-02`);
    expect(digest?.text).toContain("Zapopan");
    expect(digest?.text).not.toContain("Morelia");
  });

  it("stops what a user may no longer see once their role changes", async () => {
    const { db } = test.current;
    await db.user.update({ where: { id: supervisor.id }, data: { role: "STATE_AG", stateCode: "16" } });
    await complaint(db, zapopan.id, { receivedOn: "2026-06-20", category: "TORTURE", status: "SUSTAINED", resolvedOn: "2026-07-01" });
    await runAlertsCycle(db, { now: new Date("2026-07-01T20:00:00Z") });
    await buildDueDigests(db, new Date("2026-07-02T13:00:00Z"));
    const digest = (await emailsTo(supervisor.id)).find((e) => e.idempotencyKey.endsWith(":2026-07-02"));
    // The only new event is in Jalisco, outside the new scope: no digest email at all.
    expect(digest).toBeUndefined();
    const row = await db.alertDigest.findUniqueOrThrow({
      where: { userId_frequency_periodKey: { userId: supervisor.id, frequency: "DAILY", periodKey: "2026-07-02" } },
    });
    expect(row).toMatchObject({ itemCount: 0, outboxEmailId: null });
  });

  it("unsubscribes with the one-click token, once, audited", async () => {
    const { db } = test.current;
    const [email] = await emailsTo(agMichoacan.id);
    const token = new URL(/^<(.+)>$/.exec((email!.headers as Record<string, string>)["List-Unsubscribe"]!)![1]!).searchParams.get("token")!;
    expect(await unsubscribeWithToken(db, token, {}, NOW)).toEqual({ turnedOff: ["LEVEL_ROSE"] });
    expect(await unsubscribeWithToken(db, token, {}, NOW)).toEqual({ turnedOff: [] });
    const subs = await db.alertSubscription.findMany({ where: { userId: agMichoacan.id }, orderBy: { trigger: "asc" } });
    expect(subs.map((s) => [s.trigger, s.enabled])).toEqual([
      ["LEVEL_ROSE", false],
      ["SERIOUS_ABUSE_SUSTAINED", true],
      ["COMPLAINT_SPIKE", true],
    ]);
    expect(await db.auditEvent.count({ where: { action: "alerts.unsubscribe", targetId: String(agMichoacan.id) } })).toBe(1);
    const forged = `${token.split(".")[0]}.${"A".repeat(43)}`;
    await expect(unsubscribeWithToken(db, forged, {}, NOW)).rejects.toThrow(/signature does not match/);
    await expect(unsubscribeWithToken(db, token, {}, new Date("2026-12-31T00:00:00Z"))).rejects.toThrow(/expired/);
  });
});
