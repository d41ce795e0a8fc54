import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAlertsCycle } from "~/server/alerts/cycle";
import { type Db, createDb } from "~/server/db/client";
import { applyMigrations } from "~/server/db/migrate";
import { messageIdFor } from "~/server/email/outbox";
import { alertDepartment, alertUser, subscribe } from "../support/alerts-fixtures";
import { DedicatedPostgres } from "../support/dedicated-postgres";
import { TestSmtpServer } from "../support/smtp";
import { exited, spawnVigila, waitFor } from "../support/worker-process";

const EMAILS = 300;
const smtp = new TestSmtpServer();
let server: DedicatedPostgres;
let db: Db;

const sentCount = (database: Db) => database.outboxEmail.count({ where: { status: "SENT" } });

describe("PostgreSQL stopped with -m immediate in the middle of sending", () => {
  beforeAll(async () => {
    server = await DedicatedPostgres.create();
    await applyMigrations(server.url());
    db = createDb(server.url());
    smtp.delayMs = 5;
    await smtp.start();
  });
  afterAll(async () => {
    await db?.$disconnect().catch(() => undefined);
    await smtp.stop();
    await server?.destroy();
  });

  it("loses no email, sends none for the change that rolled back, and resumes after restart", { timeout: 170_000 }, async () => {
    const supervisor = await alertUser(db, "IA_SUPERVISOR");
    await subscribe(db, supervisor.id, [{ trigger: "SERIOUS_ABUSE_SUSTAINED", frequency: "IMMEDIATE" }]);
    const department = await alertDepartment(db, "16", "Policía Municipal de Uruapan");
    const keys = Array.from({ length: EMAILS }, (_, i) => `pg-stop:${i}`);
    await db.$executeRaw`
      insert into "OutboxEmail" ("idempotencyKey", "messageId", "userId", "toAddress", "recipientRole", "subject", "html", "text")
      select k, m, ${supervisor.id}, ${supervisor.email}, 'IA_SUPERVISOR', 'Aviso', '<p>Aviso</p>', 'Aviso'
      from unnest(${keys}::text[], ${keys.map(messageIdFor)}::text[]) as t(k, m)`;
    const complaint = (ref: string) => ({
      text: `insert into "Complaint" (ref, "departmentId", "receivedOn", source, category, status, "resolvedOn", "updatedAt")
             values ($1, $2, current_date - 10, 'CITIZEN', 'TORTURE', 'SUSTAINED', current_date, now())`,
      values: [ref, department.id],
    });
    const committer = new pg.Client({ connectionString: server.url() });
    await committer.connect();
    await committer.query(complaint("Q-COMMITTED"));
    await committer.end();

    const worker = spawnVigila(["worker", "--sender-only"], { DATABASE_URL: server.url(), SMTP_URL: smtp.url });
    try {
      await waitFor(() => smtp.received.length >= 40 || worker.exitCode !== null, 90_000, "the worker to be sending", 5);
      // A change in flight when the server dies: it must never produce an email.
      const inFlight = new pg.Client({ connectionString: server.url() });
      inFlight.on("error", () => undefined);
      await inFlight.connect();
      await inFlight.query("begin");
      await inFlight.query(complaint("Q-ROLLED-BACK"));
      await server.stopImmediately();
      const sentAtStop = smtp.received.length;
      expect(sentAtStop).toBeLessThan(EMAILS);
      await inFlight.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 1500));
      await server.start();

      await db.$disconnect();
      db = createDb(server.url());
      await runAlertsCycle(db);
      await waitFor(async () => (await sentCount(db)) === EMAILS + 1, 120_000, "every email sent after the restart", 250).catch(
        async (err: unknown) => {
          const counts = await db.outboxEmail.groupBy({ by: ["status"], _count: { _all: true } });
          throw new Error(
            `${(err as Error).message}; outbox ${JSON.stringify(counts)}; worker log:\n${worker.output.join("").slice(-3000)}`,
          );
        },
      );
      expect(worker.exitCode, worker.output.join("")).toBeNull();
    } finally {
      worker.kill("SIGTERM");
      await exited(worker);
    }

    const expected = new Set((await db.outboxEmail.findMany({ select: { messageId: true } })).map((r) => r.messageId));
    const received = smtp.messageIds();
    const unique = new Set(received);
    expect([...expected].filter((id) => !unique.has(id))).toEqual([]);
    expect(received.length - unique.size).toBeLessThanOrEqual(1);
    expect(await db.complaint.count({ where: { ref: "Q-ROLLED-BACK" } })).toBe(0);
    const alerts = smtp.received.filter((m) => m.raw.includes("Q-COMMITTED"));
    expect(alerts).toHaveLength(1);
    expect(smtp.received.some((m) => m.raw.includes("Q-ROLLED-BACK"))).toBe(false);
    expect(await db.alertEvent.count({ where: { trigger: "SERIOUS_ABUSE_SUSTAINED" } })).toBe(1);
  });
});
