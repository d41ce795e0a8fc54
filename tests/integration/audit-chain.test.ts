import fc from "fast-check";
import type { AuditAction } from "~/server/audit/actions";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { canonicalJson, storableJson } from "~/server/audit/canonical";
import { AuditIsolationError, GENESIS_HASH, auditHash, chainedFieldsOf, recordAudit, recordAuditNow } from "~/server/audit/record";
import { verifyAuditChain } from "~/server/audit/verify";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();
const system = { userId: null };

async function lastEvent() {
  return test.current.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
}

async function recordAndReadBack(metadata: Record<string, unknown>) {
  await recordAuditNow(test.current.db, { actor: system, action: "test.roundtrip" as AuditAction, metadata });
  return lastEvent();
}

describe("audit event storage", () => {
  it("stores every field and chains the first event to the genesis hash", async () => {
    const { db } = test.current;
    expect(await db.auditEvent.count()).toBe(0);
    await recordAuditNow(db, {
      actor: { userId: 7, email: "ana@sesnsp.gob.mx", role: "IA_ANALYST", ip: "10.1.2.3", userAgent: "Firefox/140", sessionId: "s-1" },
      action: "complaints.update" as AuditAction,
      targetType: "Complaint",
      targetId: 42,
      stateCode: "16",
      changes: { status: { before: "RECEIVED", after: "INVESTIGATING" } },
    });
    const row = await lastEvent();
    expect(row).toMatchObject({
      actorId: 7,
      actorEmail: "ana@sesnsp.gob.mx",
      role: "IA_ANALYST",
      action: "complaints.update" as AuditAction,
      targetType: "Complaint",
      targetId: "42",
      stateCode: "16",
      outcome: "ALLOWED",
      ip: "10.1.2.3",
      userAgent: "Firefox/140",
      sessionId: "s-1",
      changes: { status: { before: "RECEIVED", after: "INVESTIGATING" } },
      metadata: null,
      prevHash: GENESIS_HASH,
    });
    expect(row.hash).toBe(auditHash(GENESIS_HASH, chainedFieldsOf(row)));
    // Stamped by the database clock at millisecond precision.
    expect(Math.abs(row.occurredAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("links each event to the previous one's hash", async () => {
    const before = await lastEvent();
    await recordAuditNow(test.current.db, { actor: system, action: "test.second" as AuditAction });
    const after = await lastEvent();
    expect(after.prevHash).toBe(before.hash);
    expect(after.id).toBeGreaterThan(before.id);
  });

  it("keeps the canonical encoding identical after a round trip through jsonb (numbers, nesting, unicode)", async () => {
    const tricky = {
      numbers: [0, -0, 1, -1, 0.1, 0.30000000000000004, 1e21, 1e-7, 5e-324, 1.7976931348623157e308, 2 ** 53 + 2, 123456789.125],
      nested: { z: { b: [1, { y: 2, x: 1 }], a: null }, "": "empty key", "10": "numeric key", "2": "sorts as text" },
      unicode: ["Michoacán", "ñandú", "😀 emoji", "e\u0301 combining", "עברית", "\u2028\u2029 separators", 'quote " and \\ backslash'],
      unstorable: "nul\u0000 and lone \uD800 surrogate",
      ["__proto__"]: "not a prototype",
      date: new Date("2026-06-30T00:00:00Z"),
      bigint: 12345678901234567890n,
      skipped: undefined,
    };
    const full = await recordAndReadBack(tricky);
    const expected = storableJson(tricky) as Record<string, unknown>;
    expect(expected.unstorable).toBe("nul\uFFFD and lone \uFFFD surrogate");
    expect(expected.date).toBe("2026-06-30T00:00:00.000Z");
    expect(expected.bigint).toBe("12345678901234567890");
    expect(expected["[__proto__]"]).toBe("not a prototype");
    expect(canonicalJson(full.metadata)).toBe(canonicalJson(expected));
    expect(full.hash).toBe(auditHash(full.prevHash, chainedFieldsOf(full)));
    expect(await verifyAuditChain(test.current.db)).toMatchObject({ intact: true });
  });

  it("keeps arbitrary JSON (any unicode, any number) hash-stable through PostgreSQL", async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string({ unit: "binary" }), fc.jsonValue({ stringUnit: "binary", maxDepth: 3 })), async (value) => {
        const row = await recordAndReadBack(value);
        expect(canonicalJson(row.metadata)).toBe(canonicalJson(storableJson(value)));
        expect(row.hash).toBe(auditHash(row.prevHash, chainedFieldsOf(row)));
      }),
      { numRuns: 150 },
    );
    expect(await verifyAuditChain(test.current.db, { pageSize: 7 })).toMatchObject({ intact: true });
  });

  it("sanitises text columns the same way, so hostile headers cannot break the chain", async () => {
    await recordAuditNow(test.current.db, {
      actor: { userId: null, userAgent: `agent\u0000\uDC00${"x".repeat(2000)}`, ip: "::1" },
      action: "test.headers" as AuditAction,
    });
    const row = await lastEvent();
    expect(row.userAgent).toHaveLength(512);
    expect(row.userAgent?.startsWith("agent\uFFFD\uFFFDxx")).toBe(true);
    expect(await verifyAuditChain(test.current.db)).toMatchObject({ intact: true });
  });
});

describe("audit writes share the change's transaction", () => {
  it("rolls the change back when its audit event cannot be written", async () => {
    const { db } = test.current;
    const department = await db.department.create({ data: { code: "AUD-TX-1", name: "Antes", kind: "STATE", stateCode: "14" } });
    const eventsBefore = await db.auditEvent.count();
    const attempt = db.$transaction(async (tx) => {
      await tx.department.update({ where: { id: department.id }, data: { name: "Después", version: { increment: 1 } } });
      // 81 characters: violates AuditEvent.action varchar(80).
      await recordAudit(tx, { actor: system, action: "x".repeat(81) as AuditAction, targetType: "Department", targetId: department.id });
    });
    await expect(attempt).rejects.toThrow(/too long|81/i);
    const after = await db.department.findUniqueOrThrow({ where: { id: department.id } });
    expect(after).toMatchObject({ name: "Antes", version: 1 });
    expect(await db.auditEvent.count()).toBe(eventsBefore);
  });

  it("rolls the audit event back when the change fails after it", async () => {
    const { db } = test.current;
    const eventsBefore = await db.auditEvent.count();
    const attempt = db.$transaction(async (tx) => {
      await recordAudit(tx, { actor: system, action: "departments.create" as AuditAction, targetType: "Department" });
      await tx.department.create({ data: { code: "AUD-TX-1", name: "Duplicada", kind: "STATE", stateCode: "14" } });
    });
    await expect(attempt).rejects.toThrow();
    expect(await db.auditEvent.count()).toBe(eventsBefore);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });
});

describe("append-only table", () => {
  async function asSql(sql: string, replica = false) {
    const client = new pg.Client({ connectionString: test.current.url });
    await client.connect();
    try {
      if (replica) await client.query("set session_replication_role = replica");
      return await client.query(sql);
    } finally {
      await client.end();
    }
  }

  it.each([
    ["UPDATE", `update "AuditEvent" set "action" = 'forged' where "id" = (select min("id") from "AuditEvent")`],
    ["DELETE", `delete from "AuditEvent" where "id" = (select min("id") from "AuditEvent")`],
    ["TRUNCATE", `truncate "AuditEvent"`],
  ])("refuses %s, even with session_replication_role = replica", async (operation, sql) => {
    const count = await test.current.db.auditEvent.count();
    await expect(asSql(sql)).rejects.toThrow(`AuditEvent is append-only: ${operation} is not allowed`);
    await expect(asSql(sql, true)).rejects.toThrow(`AuditEvent is append-only: ${operation} is not allowed`);
    expect(await test.current.db.auditEvent.count()).toBe(count);
    expect(await verifyAuditChain(test.current.db)).toMatchObject({ intact: true, count });
  });

  it("refuses Prisma updates and deletes from the application", async () => {
    const { db } = test.current;
    const row = await lastEvent();
    await expect(db.auditEvent.update({ where: { id: row.id }, data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    expect((await lastEvent()).action).toBe(row.action);
  });
});

describe("chain head under isolation levels", () => {
  it.each(["RepeatableRead", "Serializable"] as const)(
    "refuses to write from a %s transaction, and the change rolls back",
    async (isolationLevel) => {
      const { db } = test.current;
      const before = await db.auditEvent.count();
      const attempt = db.$transaction(
        async (tx) => {
          await tx.department.create({ data: { code: `AUD-ISO-${isolationLevel}`, name: "Aislamiento", kind: "STATE", stateCode: "14" } });
          await recordAudit(tx, { actor: system, action: "departments.create" as AuditAction });
        },
        { isolationLevel },
      );
      await expect(attempt).rejects.toThrow(AuditIsolationError);
      await expect(attempt).rejects.toThrow(/needs a READ COMMITTED transaction, but this one is (repeatable read|serializable)/);
      expect(await db.department.count({ where: { code: `AUD-ISO-${isolationLevel}` } })).toBe(0);
      expect(await db.auditEvent.count()).toBe(before);
    },
  );

  it("rejects in SQL a second event chained to the same head (a writer with a stale view cannot fork the chain)", async () => {
    const { db } = test.current;
    const head = await lastEvent();
    await recordAuditNow(db, { actor: system, action: "test.new-head" as AuditAction });
    const fork = db.$executeRaw`insert into "AuditEvent" ("action", "outcome", "prevHash", "hash")
      values ('test.fork', 'ALLOWED', ${head.hash}, ${"f".repeat(64)})`;
    await expect(fork).rejects.toThrow(/prevHash/);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });
});
