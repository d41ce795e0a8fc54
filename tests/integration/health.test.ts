import { beforeAll, describe, expect, it } from "vitest";
import { GET as live } from "~/app/api/health/route";
import { GET as ready } from "~/app/api/health/ready/route";
import { WORKER_STALE_MS, readiness, writeHeartbeat } from "~/server/health/readiness";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();

beforeAll(() => {
  process.env.DATABASE_URL = test.current.url;
});

describe("health endpoints", () => {
  it("/api/health answers without a session or a database", async () => {
    const response = live();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("/api/health/ready reports a stale worker until one beats, then ready; writes no audit event", async () => {
    const { db } = test.current;
    const events = await db.auditEvent.count();
    const before = await ready();
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({
      status: "degraded",
      database: "ok",
      migrations: "current",
      worker: { lastBeatSecondsAgo: null, stale: true },
      outbox: { pending: 0, capped: false },
    });
    const now = new Date();
    await writeHeartbeat(db, new Date(now.getTime() - 5_000), "host-a:1");
    const after = await ready();
    expect(await after.json()).toMatchObject({ status: "ready", worker: { stale: false } });
    // Exactly at the limit still fresh, one millisecond past it stale.
    await db.workerHeartbeat.deleteMany();
    await writeHeartbeat(db, new Date(now.getTime() - WORKER_STALE_MS), "host-a:1");
    expect((await readiness(db, now)).worker).toEqual({ lastBeatSecondsAgo: WORKER_STALE_MS / 1000, stale: false });
    expect((await readiness(db, new Date(now.getTime() + 1))).worker.stale).toBe(true);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("is unavailable (503) while a migration this build ships is not applied", async () => {
    const { db } = test.current;
    const [last] = await db.$queryRaw<{ id: string }[]>`select id from "_prisma_migrations" order by migration_name desc limit 1`;
    await db.$executeRaw`update "_prisma_migrations" set finished_at = null where id = ${last!.id}`;
    try {
      const response = await ready();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", migrations: "pending" });
    } finally {
      await db.$executeRaw`update "_prisma_migrations" set finished_at = now() where id = ${last!.id}`;
    }
  });
});
