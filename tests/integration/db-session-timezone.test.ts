import pg from "pg";
import { describe, expect, it } from "vitest";
import { createDb } from "~/server/db/client";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();

describe("database sessions", () => {
  it("read instants correctly when the server's default time zone is not UTC", async () => {
    // A cluster created under TZ=America/Mexico_City defaults to that zone; Prisma's pg adapter
    // would then shift every timestamptz from a raw query by the offset unless the session is UTC.
    const admin = new pg.Client({ connectionString: test.current.url });
    await admin.connect();
    await admin.query(`alter database "${test.current.name}" set timezone = 'America/Mexico_City'`);
    await admin.end();
    const db = createDb(test.current.url);
    try {
      const [row] = await db.$queryRaw<{ at: Date; zone: string }[]>`
        select ('2026-03-10'::date::timestamp at time zone 'America/Mexico_City') as at, current_setting('TimeZone') as zone`;
      expect(row?.zone).toBe("UTC");
      expect(row?.at.toISOString()).toBe("2026-03-10T06:00:00.000Z");
    } finally {
      await db.$disconnect();
    }
  });
});
