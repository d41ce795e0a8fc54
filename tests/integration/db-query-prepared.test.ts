import { describe, expect, it } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { createDb, queryPrepared } from "~/server/db/client";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();

// queryPrepared skips the ORM for the hottest reads; for the column types it is meant for, it must give
// exactly what $queryRaw gives, and PostgreSQL must keep the statement prepared on the connection.
describe("queryPrepared", () => {
  const statement = (code: string, at: string) => Prisma.sql`
    select ${code}::text as code, 7::int as n, true as ok, ${at}::timestamptz as at,
           json_build_object('day', ${at}::date, 'list', json_build_array(1, 'two', null)) as doc, null::text as nothing`;

  it("returns the same rows as $queryRaw for json, text, int4, boolean and timestamptz columns", async () => {
    const { db } = test.current;
    for (const at of ["2026-03-10T05:59:59.999Z", "2026-12-31T23:00:00.000Z"]) {
      const prepared = await queryPrepared<Record<string, unknown>>(db, statement("MX-16", at));
      const raw = await db.$queryRaw<Record<string, unknown>[]>(statement("MX-16", at));
      expect(prepared).toEqual(raw);
      expect((prepared[0]!.at as Date).toISOString()).toBe(at);
    }
  });

  it("prepares a statement once per connection and runs it again with other values", async () => {
    const db = createDb(test.current.url, { max: 1 });
    try {
      const names = async () =>
        (
          await queryPrepared<{ name: string }>(
            db,
            Prisma.sql`select name from pg_prepared_statements where name like 'vigila_%' order by name`,
          )
        ).map((r) => r.name);
      await queryPrepared(db, statement("A", "2026-01-01T00:00:00Z"));
      const first = await names();
      const [row] = await queryPrepared<{ code: string }>(db, statement("B", "2026-01-02T00:00:00Z"));
      expect(row?.code).toBe("B");
      expect(await names()).toEqual(first);
      expect(first).toHaveLength(2); // the statement above and the pg_prepared_statements query itself
    } finally {
      await db.$disconnect();
    }
  });

  it("survives the server ending an idle connection: the pool replaces it on the next query", async () => {
    const db = createDb(test.current.url, { max: 1 });
    try {
      const [{ pid }] = (await queryPrepared<{ pid: number }>(db, Prisma.sql`select pg_backend_pid() as pid`)) as [{ pid: number }];
      await test.current.db.$queryRaw`select pg_terminate_backend(${pid}::int)`;
      // The idle client's error event fires once the server has closed it; a listener-less pool would throw here.
      await expect
        .poll(
          async () => (await queryPrepared<{ pid: number }>(db, Prisma.sql`select pg_backend_pid() as pid`).catch(() => [{ pid }]))[0]!.pid,
        )
        .not.toBe(pid);
    } finally {
      await db.$disconnect();
    }
  });
});
