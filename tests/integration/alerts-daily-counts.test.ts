import { describe, expect, it } from "vitest";
import { runAlertsCycle } from "~/server/alerts/cycle";
import { buildDueDigests } from "~/server/alerts/digests";
import { alertDepartment, alertUser, complaint, subscribe } from "../support/alerts-fixtures";
import { useTestDatabase } from "../support/database";

/*
 * Daily counts for "immediately" subscribers: every cycle checks the condition, and a department
 * is alerted when it starts meeting it (its onset) — within the day, once, not again every day
 * while it lasts. Digests keep showing the day's snapshot.
 */

const test = useTestDatabase();
const at = (iso: string) => new Date(iso);
const emailsTo = (userId: number) => test.current.db.outboxEmail.findMany({ where: { userId }, orderBy: { id: "asc" } });

describe("daily counts alert immediate subscribers at their onset", () => {
  it("alerts each department once when it starts meeting the condition, the same day", async () => {
    const { db } = test.current;
    const [a, b, c] = [
      await alertDepartment(db, "16", "Policía Municipal de Apatzingán"),
      await alertDepartment(db, "16", "Policía Municipal de Buenavista"),
      await alertDepartment(db, "16", "Policía Municipal de Cotija"),
    ];
    const supervisor = await alertUser(db, "IA_SUPERVISOR");
    await subscribe(db, supervisor.id, [{ trigger: "COMPLAINT_SPIKE", frequency: "IMMEDIATE" }]);
    const analyst = await alertUser(db, "IA_ANALYST");
    await subscribe(db, analyst.id, [{ trigger: "COMPLAINT_SPIKE", frequency: "DAILY" }]);
    const agJalisco = await alertUser(db, "STATE_AG", { stateCode: "14" });
    await subscribe(db, agJalisco.id, [{ trigger: "COMPLAINT_SPIKE", frequency: "IMMEDIATE" }]);

    // 2026-08-10, 12:00 in Mexico City: A has one complaint in 30 days and none before (1 > 2 × 1/12).
    await complaint(db, a.id, { receivedOn: "2026-08-05" });
    const first = await runAlertsCycle(db, { now: at("2026-08-10T18:00:00Z") });
    expect(first.detected).toMatchObject({ COMPLAINT_SPIKE: 1, COMPLAINT_SPIKE_ONSET: 1 });
    const [onA] = await emailsTo(supervisor.id);
    expect(onA?.subject).toBe("Vigila: Aumento de quejas");
    expect(onA?.text).toContain("Apatzingán");
    expect(await emailsTo(analyst.id)).toEqual([]);
    expect(await emailsTo(agJalisco.id)).toEqual([]);

    // Two hours later B starts: an email for B alone, though the day's snapshot was already taken.
    await complaint(db, b.id, { receivedOn: "2026-08-09" });
    const later = await runAlertsCycle(db, { now: at("2026-08-10T20:00:00Z") });
    expect(later.detected).toMatchObject({ COMPLAINT_SPIKE: 0, COMPLAINT_SPIKE_ONSET: 1 });
    const second = (await emailsTo(supervisor.id))[1];
    expect(second?.text).toContain("Buenavista");
    expect(second?.text).not.toContain("Apatzingán");
    expect((await runAlertsCycle(db, { now: at("2026-08-10T20:01:00Z") })).detected.COMPLAINT_SPIKE_ONSET).toBe(0);

    // Next day (00:10) A and B still spike: nothing new for them; at 04:00 C starts and is alerted.
    const nextDay = await runAlertsCycle(db, { now: at("2026-08-11T06:10:00Z") });
    expect(nextDay.detected).toMatchObject({ COMPLAINT_SPIKE: 1, COMPLAINT_SPIKE_ONSET: 0 });
    await complaint(db, c.id, { receivedOn: "2026-08-11" });
    await runAlertsCycle(db, { now: at("2026-08-11T10:00:00Z") });
    const all = await emailsTo(supervisor.id);
    expect(all).toHaveLength(3);
    expect(all[2]?.text).toContain("Cotija");
    expect(all[2]?.text).not.toContain("Buenavista");

    // The analyst's 07:00 digest shows the latest snapshot of its window (A and B), not the later onset (C).
    await buildDueDigests(db, at("2026-08-11T13:00:00Z"));
    const [digest] = await emailsTo(analyst.id);
    expect(digest?.idempotencyKey).toBe(`digest:u${analyst.id}:DAILY:2026-08-11`);
    expect(digest?.subject).toBe("Vigila: resumen diario (2 avisos)");
    expect(digest?.text).toContain("Apatzingán");
    expect(digest?.text).toContain("Buenavista");
    expect(digest?.text).not.toContain("Cotija");
  });

  it("computes no onsets while nobody wants a daily count immediately", async () => {
    const { db } = test.current;
    await db.alertSubscription.updateMany({ where: { trigger: "COMPLAINT_SPIKE", frequency: "IMMEDIATE" }, data: { frequency: "DAILY" } });
    const cycle = await runAlertsCycle(db, { now: at("2026-08-12T18:00:00Z") });
    expect(cycle.detected.COMPLAINT_SPIKE).toBe(1);
    expect(Object.keys(cycle.detected).filter((k) => k.endsWith("_ONSET"))).toEqual([]);
  });
});
