import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { enqueueEmail } from "~/server/email/outbox";
import { listOutbox, outboxSummary, retryOutboxEmails } from "~/server/email/outbox-admin";
import { OutboxSender, SenderLiveness, backoffMs } from "~/server/email/sender";
import { smtpTransport } from "~/server/email/transport";
import { alertUser } from "../support/alerts-fixtures";
import { useTestDatabase } from "../support/database";
import { TestSmtpServer } from "../support/smtp";

const test = useTestDatabase();
const smtp = new TestSmtpServer();
let liveness: SenderLiveness;
let serial = 0;

async function queue(
  user: { id: number; email: string; role: "IA_SUPERVISOR" | "STATE_AG" | "ADMIN"; stateCode: string | null },
  count = 1,
) {
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    const key = `test:${++serial}`;
    await enqueueEmail(test.current.db, {
      idempotencyKey: key,
      userId: user.id,
      toAddress: user.email,
      recipientRole: user.role,
      recipientState: user.stateCode,
      subject: `Aviso ${serial}`,
      html: `<p>Aviso ${serial}</p>`,
      text: `Aviso ${serial}`,
      headers: { "List-Unsubscribe": "<http://127.0.0.1/u>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
    keys.push(key);
  }
  return keys;
}

const sender = () => new OutboxSender(test.current.db, smtpTransport(smtp.url, "Vigila <alertas@vigila.test>"), liveness);
const rows = (keys: string[]) => test.current.db.outboxEmail.findMany({ where: { idempotencyKey: { in: keys } }, orderBy: { id: "asc" } });

describe("outbox sender against a real SMTP server", () => {
  let user: Awaited<ReturnType<typeof alertUser>>;
  let admin: Awaited<ReturnType<typeof alertUser>>;

  beforeAll(async () => {
    await smtp.start();
    liveness = new SenderLiveness(test.current.url);
    user = await alertUser(test.current.db, "IA_SUPERVISOR");
    admin = await alertUser(test.current.db, "ADMIN");
  });
  afterAll(async () => {
    await liveness?.close();
    await smtp.stop();
  });

  it("sends due emails, records the server's reply and keeps the Message-ID", async () => {
    const keys = await queue(user as never, 3);
    const result = await sender().drain();
    expect(result).toEqual({ sent: 3, failed: 0, cancelled: 0, retrying: 0, transportDown: false });
    const sent = await rows(keys);
    expect(sent.map((r) => r.status)).toEqual(["SENT", "SENT", "SENT"]);
    expect(sent.map((r) => r.smtpResponse)).toEqual(["250 Queued as 1", "250 Queued as 2", "250 Queued as 3"]);
    expect(smtp.messageIds()).toEqual(sent.map((r) => r.messageId));
    expect(smtp.received[0]!.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    expect(await sender().drain()).toMatchObject({ sent: 0 });
  });

  it("marks a permanent (5xx) rejection FAILED for the admin page, and an admin retry sends it", async () => {
    smtp.mode = "reject-permanent";
    const [key] = await queue(user as never);
    expect(await sender().drain()).toMatchObject({ failed: 1, sent: 0 });
    const [failed] = await rows([key!]);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(failed!.smtpResponse).toMatch(/^550 /);
    expect(failed!.lastError).toMatch(/EMESSAGE/);
    smtp.mode = "accept";
    expect(await sender().drain()).toMatchObject({ sent: 0 });

    const caller = createCaller({
      db: test.current.db,
      scope: { userId: admin.id, role: "ADMIN", stateCode: null },
      meta: { ip: null, userAgent: null },
    });
    await expect(
      createCaller({
        db: test.current.db,
        scope: { userId: user.id, role: "IA_SUPERVISOR", stateCode: null },
        meta: { ip: null, userAgent: null },
      }).outbox.retry({ ids: [String(failed!.id)] }),
    ).rejects.toThrow(/outbox.admin/);
    await caller.outbox.retry({ ids: [String(failed!.id)] });
    expect(await sender().drain()).toMatchObject({ sent: 1 });
    expect((await rows([key!]))[0]).toMatchObject({ status: "SENT", attempts: 1 });
    expect(await test.current.db.auditEvent.count({ where: { action: "outbox.retry", outcome: "ALLOWED", actorId: admin.id } })).toBe(1);
    await expect(
      retryOutboxEmails(test.current.db, { userId: admin.id, role: "ADMIN", stateCode: null }, { ids: [String(failed!.id)] }),
    ).rejects.toThrow(/Only failed emails can be retried/);
  });

  it("retries a temporary (4xx) rejection later with exponential backoff", async () => {
    smtp.mode = "reject-temporary";
    const [key] = await queue(user as never);
    const before = Date.now();
    expect(await sender().drain()).toMatchObject({ retrying: 1 });
    const [row] = await rows([key!]);
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row!.smtpResponse).toMatch(/^451 /);
    const delay = row!.nextAttemptAt.getTime() - before;
    expect(delay).toBeGreaterThanOrEqual(backoffMs(1) - 1000);
    expect(delay).toBeLessThanOrEqual(backoffMs(1) * 1.1 + 5000);
    expect([backoffMs(1), backoffMs(2), backoffMs(3), backoffMs(8), backoffMs(30)]).toEqual([
      30_000, 60_000, 120_000, 3_600_000, 3_600_000,
    ]);
    smtp.mode = "accept";
    await test.current.db.outboxEmail.updateMany({ where: { idempotencyKey: key! }, data: { nextAttemptAt: new Date(0) } });
    expect(await sender().drain()).toMatchObject({ sent: 1 });
  });

  it("lets emails wait while the SMTP server is down, shows the backlog, and sends them when it returns", async () => {
    await smtp.stop();
    const keys = await queue(user as never, 5);
    const down = await sender().drain();
    expect(down).toMatchObject({ transportDown: true, sent: 0 });
    const waiting = await rows(keys);
    expect(waiting.every((r) => r.status === "PENDING")).toBe(true);
    // Only the email that discovered the outage was attempted; the others were left alone.
    expect(waiting.map((r) => r.attempts)).toEqual([1, 0, 0, 0, 0]);
    expect(waiting[0]!.lastError).toMatch(/ECONNECTION|ECONNREFUSED/);
    const summary = await outboxSummary(test.current.db);
    expect(summary.backlog).toBe(5);
    expect(summary.counts.PENDING).toBe(5);
    expect(summary.oldestWaitingSince?.getTime()).toBe(waiting[0]!.createdAt.getTime());

    // An hour later the server is back on the same address.
    await test.current.db
      .$executeRaw`update "OutboxEmail" set "nextAttemptAt" = "nextAttemptAt" - interval '1 hour', "createdAt" = "createdAt" - interval '1 hour' where "idempotencyKey" = any(${keys})`;
    await smtp.start();
    expect(await sender().drain()).toMatchObject({ sent: 5, transportDown: false });
    expect((await rows(keys)).every((r) => r.status === "SENT")).toBe(true);
    expect((await outboxSummary(test.current.db)).backlog).toBe(0);
  });

  it("cancels an alert prepared before the recipient's role or state changed", async () => {
    const ag = await alertUser(test.current.db, "STATE_AG", { stateCode: "16" });
    const [key] = await queue(ag as never);
    await test.current.db.user.update({ where: { id: ag.id }, data: { stateCode: "14" } });
    const before = smtp.received.length;
    expect(await sender().drain()).toMatchObject({ cancelled: 1, sent: 0 });
    expect((await rows([key!]))[0]).toMatchObject({
      status: "CANCELLED",
      lastError: "recipient's role or state changed after this alert was prepared",
    });
    expect(smtp.received.length).toBe(before);
  });

  it("takes over a claim at once when its sender's connection is gone, never while it lives", async () => {
    const [orphan, held] = await queue(user as never, 2);
    const other = new pg.Client({ connectionString: test.current.url });
    await other.connect();
    const pid = (await other.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
    await test.current.db
      .$executeRaw`update "OutboxEmail" set status = 'SENDING', "lockedUntil" = now() + interval '5 minutes', "lockedBy" = ${pid} where "idempotencyKey" = ${held!}`;
    await test.current.db
      .$executeRaw`update "OutboxEmail" set status = 'SENDING', "lockedUntil" = now() + interval '5 minutes', "lockedBy" = ${2_000_000_000} where "idempotencyKey" = ${orphan!}`;
    expect(await sender().drain()).toMatchObject({ sent: 1 });
    expect((await rows([orphan!, held!])).map((r) => r.status)).toEqual(["SENT", "SENDING"]);
    await other.end();
    await new Promise((r) => setTimeout(r, 300));
    expect(await sender().drain()).toMatchObject({ sent: 1 });
  });

  it("lists the outbox for admins without bodies, auditing the view", async () => {
    const scope = { userId: admin.id, role: "ADMIN" as const, stateCode: null };
    const page = await listOutbox(test.current.db, scope, { status: "CANCELLED", page: 1, pageSize: 10 });
    expect(page.total).toBe(1);
    expect(Object.keys(page.rows[0]!)).not.toContain("html");
    expect(await test.current.db.auditEvent.count({ where: { action: "outbox.view", actorId: admin.id } })).toBe(1);
  });
});
