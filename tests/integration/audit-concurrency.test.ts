import { describe, expect, it } from "vitest";
import type { AuditAction } from "~/server/audit/actions";
import { recordAudit, recordAuditNow } from "~/server/audit/record";
import { verifyAuditChain } from "~/server/audit/verify";
import { createDb } from "~/server/db/client";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();
const WRITERS = 8;
const EVENTS_PER_WRITER = 500;

describe("concurrent audit writers", () => {
  it(`${WRITERS} clients × ${EVENTS_PER_WRITER} events keep one unbroken chain`, { timeout: 600_000 }, async () => {
    const { db, url } = test.current;
    const department = await db.department.create({ data: { code: "AUD-CONC", name: "Concurrencia", kind: "STATE", stateCode: "16" } });
    // Separate clients, each with its own pool: the chain lock must hold across processes' connections.
    const clients = Array.from({ length: WRITERS }, () => createDb(url, { max: 2 }));
    try {
      await Promise.all(
        clients.map(async (client, writer) => {
          for (let i = 0; i < EVENTS_PER_WRITER; i += 1) {
            const metadata = { writer, i };
            if (i % 2 === 0) {
              await recordAuditNow(client, { actor: { userId: writer }, action: "test.concurrent" as AuditAction, metadata });
            } else {
              // Half the events ride in a transaction that also changes a row, as services do.
              await client.$transaction(async (tx) => {
                await tx.department.update({ where: { id: department.id }, data: { authorizedStrength: writer * 10_000 + i } });
                await recordAudit(tx, {
                  actor: { userId: writer },
                  action: "test.concurrent-change" as AuditAction,
                  targetType: "Department",
                  targetId: department.id,
                  metadata,
                });
              });
            }
          }
        }),
      );
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }

    const total = WRITERS * EVENTS_PER_WRITER;
    const report = await verifyAuditChain(db, { pageSize: 500 });
    expect(report).toMatchObject({ intact: true, count: total });

    const perWriter = await db.auditEvent.groupBy({ by: ["actorId"], _count: { _all: true }, orderBy: { actorId: "asc" } });
    expect(perWriter.map((g) => [g.actorId, g._count._all])).toEqual(Array.from({ length: WRITERS }, (_, w) => [w, EVENTS_PER_WRITER]));
    const distinctPrev = await db.$queryRaw<{ n: bigint }[]>`select count(distinct "prevHash") as n from "AuditEvent"`;
    expect(Number(distinctPrev[0]!.n)).toBe(total);

    // Stamped under the chain lock by one clock, so time never runs backwards along the chain.
    const backwards = await db.$queryRaw<{ n: bigint }[]>`
      select count(*) as n from (
        select "occurredAt" < lag("occurredAt") over (order by "id") as back from "AuditEvent"
      ) t where back`;
    expect(Number(backwards[0]!.n)).toBe(0);
  });
});
