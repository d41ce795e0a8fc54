import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageIdFor } from "~/server/email/outbox";
import { alertUser } from "../support/alerts-fixtures";
import { useTestDatabase } from "../support/database";
import { TestSmtpServer } from "../support/smtp";
import { exited, spawnVigila, waitFor } from "../support/worker-process";

const test = useTestDatabase();
const smtp = new TestSmtpServer();
const EMAILS = 1000;
const KILLS = 4;

describe("outbox sender killed with SIGKILL at random points", () => {
  beforeAll(async () => {
    await smtp.start();
    const user = await alertUser(test.current.db, "IA_SUPERVISOR");
    const keys = Array.from({ length: EMAILS }, (_, i) => `crash-test:${i}`);
    await test.current.db.$executeRaw`
      insert into "OutboxEmail" ("idempotencyKey", "messageId", "userId", "toAddress", "recipientRole", "subject", "html", "text")
      select k, m, ${user.id}, ${user.email}, 'IA_SUPERVISOR', 'Aviso ' || k, '<p>' || k || '</p>', k
      from unnest(${keys}::text[], ${keys.map(messageIdFor)}::text[]) as t(k, m)`;
  });
  afterAll(async () => {
    await smtp.stop();
  });

  it("loses none of 1,000 emails; a crash duplicates at most one, with the same Message-ID", { timeout: 170_000 }, async () => {
    const env = { DATABASE_URL: test.current.url, SMTP_URL: smtp.url };
    const killedAfter: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      const worker = spawnVigila(["worker", "--sender-only"], env);
      const start = smtp.received.length;
      // Kill somewhere between 1 and 120 messages into this worker's run.
      const target = start + 1 + Math.floor(Math.random() * 120);
      killedAfter.push(target);
      await waitFor(() => smtp.received.length >= target || worker.exitCode !== null, 60_000, `worker ${k} to send`, 2);
      expect(worker.exitCode, worker.output.join("")).toBeNull();
      worker.kill("SIGKILL");
      await exited(worker);
    }
    const sentBefore = await test.current.db.outboxEmail.count({ where: { status: "SENT" } });
    expect(sentBefore).toBeLessThan(EMAILS);

    const last = spawnVigila(["worker", "--sender-only"], env);
    try {
      await waitFor(
        async () => (await test.current.db.outboxEmail.count({ where: { status: "SENT" } })) === EMAILS,
        120_000,
        "all emails sent",
        250,
      );
    } finally {
      last.kill("SIGTERM");
      expect(await exited(last)).toBe(0);
    }

    const rows = await test.current.db.outboxEmail.findMany({ select: { messageId: true, smtpResponse: true, status: true } });
    const expected = new Set(rows.map((r) => r.messageId));
    const received = smtp.messageIds();
    const unique = new Set(received);
    const context = `kills after messages ${killedAfter.join(", ")}`;
    expect(
      [...expected].filter((id) => !unique.has(id)),
      context,
    ).toEqual([]);
    expect(
      [...unique].filter((id) => !expected.has(id)),
      context,
    ).toEqual([]);
    const duplicates = received.length - unique.size;
    expect(duplicates, context).toBeLessThanOrEqual(KILLS);
    expect(rows.every((r) => r.status === "SENT" && r.smtpResponse?.startsWith("250 "))).toBe(true);
  });
});
