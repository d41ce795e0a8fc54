import type pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { buildDueDigests } from "~/server/alerts/digests";
import { createDb } from "~/server/db/client";
import { alertDepartment, alertUser, subscribe } from "../support/alerts-fixtures";
import { useTestDatabase } from "../support/database";
import { at, connect, digestMentions, includedEvents, insertEvent } from "./alerts-digest-support";

/*
 * An event is stamped when it is written but becomes visible when its transaction commits. A digest
 * built in between cannot see it; the next digest must take it, although its time is before that
 * digest's window, and no later digest may take it again.
 */

const test = useTestDatabase();
const open: pg.Client[] = [];

async function held(): Promise<pg.Client> {
  const client = await connect(test.current.url);
  open.push(client);
  await client.query("begin");
  return client;
}

afterEach(async () => {
  for (const client of open.splice(0)) await client.end().catch(() => undefined);
});

async function setUp(timeZone = "America/Mexico_City") {
  const { db } = test.current;
  const department = await alertDepartment(db, "16", "Policía Municipal de Uruapan");
  const user = await alertUser(db, "IA_SUPERVISOR", { timeZone });
  await subscribe(db, user.id, [{ trigger: "SERIOUS_ABUSE_SUSTAINED", frequency: "DAILY" }]);
  return { department, user };
}

describe("digests and commit lag", () => {
  it("puts an event committed after its period's digest was built into the next digest, and only there", async () => {
    const { db } = test.current;
    const { department, user } = await setUp();
    const writer = await connect(test.current.url);
    open.push(writer);
    await insertEvent(writer, "Q-ONTIME", "2026-07-01T10:00:00Z", department.id);
    // Stamped 06:59:59 in Mexico City, one second before the 07:00 delivery; commits after the digest.
    const late = await held();
    const lateId = await insertEvent(late, "Q-LATE", "2026-07-01T12:59:59Z", department.id);
    const rolledBack = await held();
    await insertEvent(rolledBack, "Q-ROLLEDBACK", "2026-07-01T12:59:58Z", department.id);

    await buildDueDigests(db, at("2026-07-01T13:00:00Z"));
    expect(await digestMentions(db, user.id, "Q-ONTIME")).toEqual([`digest:u${user.id}:DAILY:2026-07-01`]);
    expect(await digestMentions(db, user.id, "Q-LATE")).toEqual([]);
    await late.query("commit");
    await rolledBack.query("rollback");

    await buildDueDigests(db, at("2026-07-02T13:00:00Z"));
    const second = await db.alertDigest.findUniqueOrThrow({
      where: { userId_frequency_periodKey: { userId: user.id, frequency: "DAILY", periodKey: "2026-07-02" } },
    });
    // A window alone would miss it: the event's time is before the second digest's window.
    expect(second.windowStart.getTime()).toBeGreaterThan(at("2026-07-01T12:59:59Z").getTime());
    expect(second.itemCount).toBe(1);
    await buildDueDigests(db, at("2026-07-03T13:00:00Z"));

    expect(await digestMentions(db, user.id, "Q-LATE")).toEqual([`digest:u${user.id}:DAILY:2026-07-02`]);
    expect(await digestMentions(db, user.id, "Q-ONTIME")).toHaveLength(1);
    expect(await digestMentions(db, user.id, "Q-ROLLEDBACK")).toEqual([]);
    const included = await includedEvents(db, user.id);
    expect(included.filter((r) => r.eventId === lateId)).toEqual([{ periodKey: "2026-07-02", eventId: lateId }]);
    expect(included).toHaveLength(2);
    expect(
      await db.alertDigest.findMany({
        where: { userId: user.id },
        select: { periodKey: true, itemCount: true },
        orderBy: { periodKey: "asc" },
      }),
    ).toEqual([
      { periodKey: "2026-07-01", itemCount: 1 },
      { periodKey: "2026-07-02", itemCount: 1 },
      { periodKey: "2026-07-03", itemCount: 0 },
    ]);
  });

  it("still delivers an event whose transaction stayed open across several digests, in a far time zone", async () => {
    const { db } = test.current;
    const { department, user } = await setUp("Pacific/Kiritimati");
    // 07:00 in Kiritimati is 17:00 UTC the day before. Stamped 16:00 UTC on 2026-07-09, committed three digests later.
    const late = await held();
    const lateId = await insertEvent(late, "Q-SLOW", "2026-07-09T16:00:00Z", department.id);
    for (const now of ["2026-07-09T17:00:00Z", "2026-07-10T17:00:00Z", "2026-07-11T17:00:00Z"]) await buildDueDigests(db, at(now));
    expect(await digestMentions(db, user.id, "Q-SLOW")).toEqual([]);
    await late.query("commit");
    for (const now of ["2026-07-12T17:00:00Z", "2026-07-13T17:00:00Z", "2026-07-13T17:30:00Z"]) await buildDueDigests(db, at(now));
    expect(await digestMentions(db, user.id, "Q-SLOW")).toEqual([`digest:u${user.id}:DAILY:2026-07-13`]);
    expect((await includedEvents(db, user.id)).filter((r) => r.eventId === lateId)).toHaveLength(1);
  });

  it("after an early digest (alerts:run --now), the period's regular build adds nothing and later events go to the next one", async () => {
    const { db } = test.current;
    const { department, user } = await setUp();
    const writer = await connect(test.current.url);
    open.push(writer);
    await insertEvent(writer, "Q-EARLY", "2026-07-21T15:00:00Z", department.id);
    await buildDueDigests(db, at("2026-07-21T18:00:00Z"), { force: true });
    await insertEvent(writer, "Q-AFTER", "2026-07-21T20:00:00Z", department.id);
    await buildDueDigests(db, at("2026-07-22T13:00:00Z"));
    await buildDueDigests(db, at("2026-07-23T13:00:00Z"));
    expect(await digestMentions(db, user.id, "Q-EARLY")).toEqual([`digest:u${user.id}:DAILY:2026-07-22`]);
    expect(await digestMentions(db, user.id, "Q-AFTER")).toEqual([`digest:u${user.id}:DAILY:2026-07-23`]);
  });

  it("loses nothing when a worker dies in the middle of building a digest", async () => {
    const { db } = test.current;
    const { department, user } = await setUp();
    const writer = await connect(test.current.url);
    open.push(writer);
    await insertEvent(writer, "Q-CRASH", "2026-07-20T10:00:00Z", department.id);
    const key = `digest:u${user.id}:DAILY:2026-07-20`;
    // Another transaction holds the digest email's idempotency key, so the victim stops at its last insert.
    const blocker = await held();
    await blocker.query(
      `insert into "OutboxEmail" ("idempotencyKey", "messageId", "toAddress", "subject", "html", "text") values ($1, $1, 'x@vigila.test', 'x', 'x', 'x')`,
      [key],
    );
    const victim = createDb(test.current.url);
    const build = buildDueDigests(victim, at("2026-07-20T13:00:00Z")).then(
      () => "finished",
      (e: unknown) => e,
    );
    let pid: number | undefined;
    for (let i = 0; i < 200 && pid === undefined; i++) {
      const { rows } = await writer.query<{ pid: number }>(
        `select pid from pg_stat_activity where wait_event_type = 'Lock' and query like '%insert into "OutboxEmail"%' and pid <> pg_backend_pid()`,
      );
      pid = rows[0]?.pid;
      if (pid === undefined) await new Promise((r) => setTimeout(r, 50));
    }
    expect(pid).toBeDefined();
    await writer.query("select pg_terminate_backend($1)", [pid]);
    expect(await build).not.toBe("finished");
    await victim.$disconnect().catch(() => undefined);
    await blocker.query("rollback");
    expect(await db.alertDigest.count({ where: { userId: user.id } })).toBe(0);

    await buildDueDigests(db, at("2026-07-20T13:05:00Z"));
    expect(await digestMentions(db, user.id, "Q-CRASH")).toEqual([key]);
    expect(await includedEvents(db, user.id)).toHaveLength(1);
  });
});
