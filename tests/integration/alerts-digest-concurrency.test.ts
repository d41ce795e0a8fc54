import type pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { buildDueDigests } from "~/server/alerts/digests";
import { type Db, createDb } from "~/server/db/client";
import { alertDepartment, alertUser, subscribe } from "../support/alerts-fixtures";
import { useTestDatabase } from "../support/database";
import { at, connect, digestMentions, includedEvents, insertEvent } from "./alerts-digest-support";

/*
 * Three workers build digests for the same users and periods while events keep committing, some of
 * them late: one digest per user, frequency and period, and every event in exactly one of each
 * subscriber's digests.
 */

const test = useTestDatabase();
const resources: { clients: pg.Client[]; dbs: Db[] } = { clients: [], dbs: [] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterAll(async () => {
  for (const c of resources.clients) await c.end().catch(() => undefined);
  for (const d of resources.dbs) await d.$disconnect().catch(() => undefined);
});

const ROUNDS = [
  "2026-07-10T13:00:00Z",
  "2026-07-10T17:00:00Z",
  "2026-07-11T13:00:00Z",
  "2026-07-11T17:00:00Z",
  "2026-07-12T13:00:00Z",
  "2026-07-12T17:00:00Z",
];
const EVENTS = 40;
const FIRST_EVENT = at("2026-07-10T00:00:00Z").getTime();

describe("digests built by concurrent workers while events commit", () => {
  it("writes one digest per user and period and includes every event exactly once per subscriber", async () => {
    const { db, url } = test.current;
    const department = await alertDepartment(db, "16", "Policía Municipal de Zamora");
    const users = [
      await alertUser(db, "IA_SUPERVISOR"),
      await alertUser(db, "IA_SUPERVISOR"),
      await alertUser(db, "IA_SUPERVISOR", { timeZone: "Pacific/Kiritimati" }),
      await alertUser(db, "STATE_AG", { stateCode: "16", timeZone: "Pacific/Kiritimati" }),
      await alertUser(db, "IA_SUPERVISOR"),
    ];
    for (const [i, u] of users.entries()) {
      await subscribe(db, u.id, [{ trigger: "SERIOUS_ABUSE_SUSTAINED", frequency: i === 4 ? "WEEKLY" : "DAILY", deliveryHour: 7 }]);
    }
    const workers = [db, createDb(url), createDb(url)];
    resources.dbs.push(...workers.slice(1));
    const writers = [await connect(url), await connect(url), await connect(url)];
    resources.clients.push(...writers);
    // Stamped early on the first day, committed only after every round.
    const slow = writers[2]!;
    await slow.query("begin");
    await insertEvent(slow, "Q-C-SLOW", "2026-07-10T05:00:00Z", department.id);

    const refs = ["Q-C-SLOW"];
    const writing = (async () => {
      for (let i = 0; i < EVENTS; i++) {
        const client = writers[i % 2]!;
        const ref = `Q-C-${i}`;
        refs.push(ref);
        await client.query("begin");
        await insertEvent(client, ref, new Date(FIRST_EVENT + i * 70 * 60_000).toISOString(), department.id);
        await sleep((i % 4) * 15);
        await client.query("commit");
      }
    })();
    const building = workers.map(async (worker) => {
      for (const now of ROUNDS) await buildDueDigests(worker, at(now));
    });
    await Promise.all([writing, ...building]);
    await slow.query("commit");
    await Promise.all(workers.map((worker) => buildDueDigests(worker, at("2026-07-14T00:00:00Z"))));

    for (const user of users) {
      const digests = await db.alertDigest.findMany({ where: { userId: user.id }, include: { events: true }, orderBy: { id: "asc" } });
      expect(new Set(digests.map((d) => `${d.frequency}:${d.periodKey}`)).size).toBe(digests.length);
      for (const d of digests) expect(d.events).toHaveLength(d.itemCount);
      const emails = await db.outboxEmail.count({ where: { userId: user.id, idempotencyKey: { startsWith: "digest:" } } });
      expect(emails).toBe(digests.filter((d) => d.outboxEmailId !== null).length);
      for (const ref of refs) expect({ ref, digests: (await digestMentions(db, user.id, ref)).length }).toEqual({ ref, digests: 1 });
      const included = await includedEvents(db, user.id);
      expect(new Set(included.map((r) => r.eventId)).size).toBe(EVENTS + 1);
      expect(included).toHaveLength(EVENTS + 1);
    }
    // The late event cannot be in a digest built before it committed: it went into each user's last digest.
    const lastDigests = await db.digestEvent.findMany({
      where: { event: { key: "SERIOUS_ABUSE_SUSTAINED:Q-C-SLOW" } },
      select: { digest: { select: { periodKey: true, frequency: true } } },
    });
    expect(lastDigests.map((r) => r.digest.periodKey).sort()).toEqual([
      "2026-07-13",
      "2026-07-13",
      "2026-07-13",
      "2026-07-14",
      "2026-07-14",
    ]);
  });
});
