import { describe, expect, it } from "vitest";
import { detectAndDispatch, runAlertsCycle } from "~/server/alerts/cycle";
import { dispatchImmediateAlerts } from "~/server/alerts/dispatch";
import { addDays } from "~/server/alerts/periods";
import { recordEvaluationAlerts, recordImportAlerts } from "~/server/alerts/record";
import type { Tx } from "~/server/db/client";
import { runEvaluation } from "~/server/evaluations/run-evaluation";
import { undoImport } from "~/server/imports/undo";
import { runDailyEvaluation } from "~/server/jobs/daily-evaluation";
import { importCsv } from "../fixtures/imports/support";
import { alertDepartment, alertUser, day, subscribe } from "../support/alerts-fixtures";
import { useTestDatabase } from "../support/database";
import { dataset, loadDataset, staff } from "../support/rules-dataset";

/*
 * The outbox rows of "immediately" subscribers are written by the transaction that makes the
 * triggering change: they are there at commit, with no alerts cycle or worker ever run, and a
 * change that rolls back leaves neither event nor email. The cycle's detection is only a net.
 */

const test = useTestDatabase();

const outbox = (userId: number) => test.current.db.outboxEmail.findMany({ where: { userId }, orderBy: { id: "asc" } });
const event = (key: string) => test.current.db.alertEvent.findUnique({ where: { key } });

class Rollback extends Error {}

/** Runs `change` in a transaction that then throws; returns what `change` saw inside it. */
async function rolledBack<T>(change: (tx: Tx) => Promise<T>): Promise<T> {
  let seen: T | undefined;
  await expect(
    test.current.db.$transaction(async (tx) => {
      seen = await change(tx);
      throw new Rollback("after the change");
    }),
  ).rejects.toBeInstanceOf(Rollback);
  return seen as T;
}

describe("alerts written in the transaction of the change that triggers them", () => {
  it("an evaluation run commits its level rises, recommendations and immediate emails together", async () => {
    const { db } = test.current;
    const approved = (officer: string) => ({ officer, evaluatedOn: "2025-01-01", result: "APPROVED" as const, validUntil: "2028-01-01" });
    const poor = staff("POOR", 4, "P");
    // POOR (Jalisco): 2 of 4 officers vetted → REVIEW on its first run, so its level rises from none.
    await loadDataset(
      db,
      dataset({
        departments: [{ code: "POOR", kind: "MUNICIPAL", stateCode: "14" }],
        officers: poor,
        vetting: poor.slice(0, 2).map((o) => approved(o.id)),
      }),
    );
    const supervisor = await alertUser(db, "IA_SUPERVISOR", { locale: "en" });
    await subscribe(db, supervisor.id, [
      { trigger: "LEVEL_ROSE", frequency: "IMMEDIATE" },
      { trigger: "RECOMMENDATION_AWAITING", frequency: "IMMEDIATE" },
    ]);
    const agJalisco = await alertUser(db, "STATE_AG", { stateCode: "14" });
    await subscribe(db, agJalisco.id, [{ trigger: "LEVEL_ROSE", frequency: "IMMEDIATE" }]);
    const agMichoacan = await alertUser(db, "STATE_AG", { stateCode: "16" });
    await subscribe(db, agMichoacan.id, [{ trigger: "LEVEL_ROSE", frequency: "IMMEDIATE" }]);
    const analyst = await alertUser(db, "IA_ANALYST");
    await subscribe(db, analyst.id, [{ trigger: "LEVEL_ROSE", frequency: "DAILY" }]);
    // Never opened the settings page: the role's defaults apply (level rose immediately).
    const newcomer = await alertUser(db, "IA_SUPERVISOR");

    const run = await runEvaluation(db, { asOf: "2026-06-30", trigger: "CLI", actor: { userId: null } });
    expect(run.recommendationIds).toHaveLength(1);

    // Read straight after commit: no alerts cycle, no worker has run.
    const rose = await event(`LEVEL_ROSE:run${run.runId}`);
    const awaiting = await event(`RECOMMENDATION_AWAITING:rec${run.recommendationIds[0]}`);
    expect(rose?.dispatchedAt).not.toBeNull();
    expect(awaiting?.dispatchedAt).not.toBeNull();
    const subs = await db.alertSubscription.findMany({ where: { userId: supervisor.id }, orderBy: { trigger: "asc" } });
    const keyOf = (trigger: string, eventId: bigint) => `alert:sub${subs.find((s) => s.trigger === trigger)!.id}:${trigger}:ev${eventId}`;
    const toSupervisor = await outbox(supervisor.id);
    expect(toSupervisor.map((e) => e.idempotencyKey)).toEqual([
      keyOf("LEVEL_ROSE", rose!.id),
      keyOf("RECOMMENDATION_AWAITING", awaiting!.id),
    ]);
    expect(toSupervisor.map((e) => e.subject)).toEqual(["Vigila: Alert level rose", "Vigila: Recommendations awaiting your decision"]);
    expect(toSupervisor[0]!.text).toContain("Corporación POOR");
    expect(toSupervisor[0]!.text).toContain("from none to review");
    const [toAg] = await outbox(agJalisco.id);
    expect(toAg?.subject).toBe("Vigila: Subió el nivel de alerta");
    expect(toAg?.text).toContain("Corporación POOR");
    expect(await outbox(agMichoacan.id)).toEqual([]); // outside their state
    expect(await outbox(analyst.id)).toEqual([]); // digest subscriber: nothing immediate
    expect((await outbox(newcomer.id)).map((e) => e.subject)).toEqual([
      "Vigila: Subió el nivel de alerta",
      "Vigila: Recomendaciones pendientes de su decisión",
    ]);

    // The per-minute net finds nothing new and writes no second email, even for an event it sees again.
    const written = await db.outboxEmail.count();
    const cycle = await runAlertsCycle(db);
    expect(cycle.detected).toMatchObject({ LEVEL_ROSE: 0, RECOMMENDATION_AWAITING: 0 });
    expect(cycle.immediate.emails).toBe(0);
    await db.alertEvent.updateMany({ where: { id: { in: [rose!.id, awaiting!.id] } }, data: { dispatchedAt: null } });
    expect(await dispatchImmediateAlerts(db, new Date())).toEqual({ events: 2, emails: 0 });
    expect(await db.outboxEmail.count()).toBe(written);
  });

  it("a run that rolls back after its alerts were written leaves no event and no email", async () => {
    const { db } = test.current;
    const department = await alertDepartment(db, "14");
    const version = await db.ruleSetVersion.findFirstOrThrow({ where: { status: "PUBLISHED" } });
    const before = { events: await db.alertEvent.count(), emails: await db.outboxEmail.count() };
    const seen = await rolledBack(async (tx) => {
      const run = await tx.evaluationRun.create({
        data: {
          ruleSetVersionId: version.id,
          asOf: day("2026-07-01"),
          trigger: "CLI",
          status: "SUCCEEDED",
          finishedAt: new Date(),
          results: { create: [{ departmentId: department.id, level: "RECEIVERSHIP", insufficientData: false, rules: [] }] },
        },
      });
      const raised = await recordEvaluationAlerts(tx, run.id);
      return { raised, emailsInside: await tx.outboxEmail.count() };
    });
    // Inside the transaction the event and its emails existed …
    expect(seen.raised.events).toBe(1);
    expect(seen.raised.emails).toBeGreaterThan(0);
    expect(seen.emailsInside).toBe(before.emails + seen.raised.emails);
    // … and went with it.
    expect({ events: await db.alertEvent.count(), emails: await db.outboxEmail.count() }).toEqual(before);
  });

  it("an import that sustains a serious-abuse complaint writes the email with the complaint; undo and re-imports add none", async () => {
    const { db } = test.current;
    const supervisor = await alertUser(db, "IA_SUPERVISOR");
    await subscribe(db, supervisor.id, [{ trigger: "SERIOUS_ABUSE_SUSTAINED", frequency: "IMMEDIATE" }]);
    const agJalisco = await alertUser(db, "STATE_AG", { stateCode: "14" });
    await subscribe(db, agJalisco.id, [{ trigger: "SERIOUS_ABUSE_SUSTAINED", frequency: "IMMEDIATE" }]);
    const resolved = addDays(new Date().toISOString().slice(0, 10), -10);
    await importCsv(
      db,
      "departments",
      "department_code,name,kind,state_code,municipality_code,authorized_strength\nMICH-URUAPAN,Policía Municipal de Uruapan,MUNICIPAL,16,102,400\n",
    );
    const header = "complaint_ref,department_code,received_on,source,category,status,resolved_on,summary";
    const row = (ref: string, category: string, status: string, summary: string) =>
      `${ref},MICH-URUAPAN,2026-01-05,CITIZEN,${category},${status},${status === "SUSTAINED" ? resolved : ""},${summary}`;
    const first = [
      header,
      row("Q-A", "TORTURE", "SUSTAINED", "Denunciante Juana Pérez"),
      row("Q-B", "TORTURE", "INVESTIGATING", ""),
      row("Q-C", "EXCESSIVE_FORCE", "SUSTAINED", ""),
    ];
    expect(await importCsv(db, "complaints", first.join("\n"))).toMatchObject({ status: "COMPLETED", created: 3 });

    const qa = await db.complaint.findUniqueOrThrow({ where: { ref: "Q-A" } });
    expect((await event(`SERIOUS_ABUSE_SUSTAINED:c${qa.id}`))?.dispatchedAt).not.toBeNull();
    const [email] = await outbox(supervisor.id);
    expect(email?.text).toContain("Q-A");
    expect(email?.text).toContain("Policía Municipal de Uruapan");
    for (const body of [email?.text, email?.html]) expect(body).not.toContain("Juana");
    expect(await outbox(agJalisco.id)).toEqual([]);

    // Q-B is sustained later; Q-A only gets a new summary: one new email, for Q-B.
    const second = [
      header,
      row("Q-A", "TORTURE", "SUSTAINED", "Otra redacción"),
      row("Q-B", "TORTURE", "SUSTAINED", ""),
      row("Q-C", "EXCESSIVE_FORCE", "SUSTAINED", ""),
    ];
    const written = await importCsv(db, "complaints", second.join("\n"));
    expect(written).toMatchObject({ status: "COMPLETED", updated: 2 });
    expect((await outbox(supervisor.id)).map((e) => e.text.includes("Q-B"))).toEqual([false, true]);
    await importCsv(db, "complaints", second.join("\n"));
    const supervisorId = (await alertUser(db, "IA_SUPERVISOR")).id;
    await undoImport(db, { userId: supervisorId }, written.batchId!);
    expect(await db.complaint.findUniqueOrThrow({ where: { ref: "Q-B" } })).toMatchObject({ status: "INVESTIGATING" });
    expect(await outbox(supervisor.id)).toHaveLength(2);
    expect(await db.alertEvent.count({ where: { trigger: "SERIOUS_ABUSE_SUSTAINED" } })).toBe(2);
  });

  it("a complaint change that rolls back leaves no event and no email", async () => {
    const { db } = test.current;
    const batch = await db.importBatch.findFirstOrThrow({ where: { kind: "complaints", status: "COMPLETED" }, orderBy: { id: "asc" } });
    const before = { events: await db.alertEvent.count(), emails: await db.outboxEmail.count() };
    const seen = await rolledBack(async (tx) => {
      // Q-C, already sustained, becomes torture: now serious abuse.
      await tx.complaint.update({ where: { ref: "Q-C" }, data: { category: "TORTURE", updatedAt: new Date() } });
      return recordImportAlerts(tx, batch.id);
    });
    expect(seen.events).toBe(1);
    expect(seen.emails).toBeGreaterThan(0);
    expect({ events: await db.alertEvent.count(), emails: await db.outboxEmail.count() }).toEqual(before);
  });

  it("a failed scheduled evaluation has its email in the outbox as soon as the failure is recorded", async () => {
    const { db } = test.current;
    const admin = await alertUser(db, "ADMIN", { locale: "en" });
    const outcome = await runDailyEvaluation(
      db,
      "2026-07-02",
      async () => {
        throw new Error("rule set missing");
      },
      new Date("2026-07-02T08:00:00Z"),
    );
    expect(outcome).toMatchObject({ status: "failed" });
    const [email] = await outbox(admin.id);
    expect(email?.subject).toBe("Vigila: The daily evaluation failed to run");
    expect(email?.text).toContain("The scheduled evaluation for 2026-07-02 failed.");
    expect((await event("EVALUATION_FAILED:2026-07-02"))?.dispatchedAt).not.toBeNull();
  });

  it("time-based alerts: each cycle records its events and their emails in one transaction", async () => {
    const { db } = test.current;
    const owner = await alertUser(db, "IA_SUPERVISOR");
    await subscribe(db, owner.id, [{ trigger: "MILESTONE_DUE", frequency: "IMMEDIATE" }]);
    const department = await alertDepartment(db, "16");
    const now = new Date("2026-07-10T18:00:00Z");
    const review = await db.review.create({
      data: { departmentId: department.id, openedById: owner.id, ownerId: owner.id, scope: "x", dueOn: day("2026-07-14") },
    });
    const key = `MILESTONE_DUE:r${review.id}:2026-07-14`;
    const seen = await rolledBack(async (tx) => detectAndDispatch(tx, now));
    expect(seen.detected.MILESTONE_DUE).toBe(1);
    expect(seen.emails).toBeGreaterThan(0);
    expect(await event(key)).toBeNull();
    expect(await outbox(owner.id)).toEqual([]);

    const committed = await db.$transaction((tx) => detectAndDispatch(tx, now));
    expect(committed.detected.MILESTONE_DUE).toBe(1);
    expect((await event(key))?.dispatchedAt).not.toBeNull();
    const [email] = await outbox(owner.id);
    expect(email?.idempotencyKey).toMatch(/^alert:sub\d+:MILESTONE_DUE:ev\d+$/);
    // Any number of later cycles, even two at once, add nothing.
    const again = await Promise.all([
      db.$transaction((tx) => detectAndDispatch(tx, now)),
      db.$transaction((tx) => detectAndDispatch(tx, now)),
    ]);
    expect(again.map((r) => [r.detected.MILESTONE_DUE, r.emails])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(await outbox(owner.id)).toHaveLength(1);
  });
});
