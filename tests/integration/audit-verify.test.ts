import { execFile } from "node:child_process";
import type { AuditAction } from "~/server/audit/actions";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { GENESIS_HASH, auditHash, chainedFieldsOf, recordAuditNow } from "~/server/audit/record";
import { verifyAuditChain } from "~/server/audit/verify";
import { type TestDatabase, createTestDatabase, dropTestDatabase } from "../support/database";

const EVENTS = 20;
let current: TestDatabase | undefined;

afterEach(async () => {
  if (current) await dropTestDatabase(current);
  current = undefined;
});

/** A private database holding a chain of `EVENTS` audit events with ids 1…EVENTS. */
async function chainOf20() {
  current = await createTestDatabase();
  for (let i = 1; i <= EVENTS; i += 1) {
    await recordAuditNow(current.db, {
      actor: { userId: i },
      action: "test.event" as AuditAction,
      targetType: "Department",
      targetId: i,
      metadata: { i },
    });
  }
  const rows = await current.db.auditEvent.findMany({ orderBy: { id: "asc" } });
  expect(rows.map((r) => Number(r.id))).toEqual(Array.from({ length: EVENTS }, (_, i) => i + 1));
  return { db: current.db, url: current.url, rows };
}

/** Runs SQL the way a superuser tampering with the table would: with its triggers disabled. */
async function tamper(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("begin");
    await client.query(`alter table "AuditEvent" disable trigger user`);
    await client.query(sql);
    for (const trigger of ["AuditEvent_no_update_delete", "AuditEvent_no_truncate"]) {
      await client.query(`alter table "AuditEvent" enable always trigger "${trigger}"`);
    }
    await client.query("commit");
  } finally {
    await client.end();
  }
}

async function cli(url: string, ...args: string[]) {
  const tsx = path.resolve("node_modules/.bin/tsx");
  try {
    const { stdout } = await promisify(execFile)(tsx, ["src/cli/index.ts", "audit:verify", ...args], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" },
      timeout: 60_000,
    });
    return { code: 0, stdout };
  } catch (err) {
    const failed = err as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe("verifyAuditChain", () => {
  it("accepts an intact chain at every page size, including pages that end exactly at the last row", async () => {
    const { db, rows } = await chainOf20();
    const head = { id: 20n, hash: rows[19]!.hash };
    for (const pageSize of [1, 3, 7, 10, 20, 21, 1000]) {
      expect(await verifyAuditChain(db, { pageSize })).toEqual({ intact: true, count: EVENTS, head });
    }
    expect(await verifyAuditChain(db, { anchor: { id: 5n, hash: rows[4]!.hash } })).toEqual({ intact: true, count: EVENTS, head });
  });

  it("names an edited row with its stored and recomputed hash", async () => {
    const { db, url, rows } = await chainOf20();
    await tamper(url, `update "AuditEvent" set "actorId" = 99 where "id" = 7`);
    const edited = { ...rows[6]!, actorId: 99 };
    expect(await verifyAuditChain(db, { pageSize: 4 })).toEqual({
      intact: false,
      count: 6,
      broken: {
        id: 7n,
        field: "hash",
        stored: rows[6]!.hash,
        expected: auditHash(rows[6]!.prevHash, chainedFieldsOf(edited)),
        previousId: 6n,
      },
    });
  });

  it("catches an edit whose row hash was recomputed, at the next row", async () => {
    const { db, url, rows } = await chainOf20();
    const forged = auditHash(rows[6]!.prevHash, chainedFieldsOf({ ...rows[6]!, action: "test.forged" }));
    await tamper(url, `update "AuditEvent" set "action" = 'test.forged', "hash" = '${forged}' where "id" = 7`);
    expect(await verifyAuditChain(db)).toEqual({
      intact: false,
      count: 7,
      broken: { id: 8n, field: "prevHash", stored: rows[6]!.hash, expected: forged, previousId: 7n },
    });
  });

  it("catches a deleted row at the row after it", async () => {
    const { db, url, rows } = await chainOf20();
    await tamper(url, `delete from "AuditEvent" where "id" = 12`);
    expect(await verifyAuditChain(db, { pageSize: 5 })).toEqual({
      intact: false,
      count: 11,
      broken: { id: 13n, field: "prevHash", stored: rows[11]!.hash, expected: rows[10]!.hash, previousId: 11n },
    });
  });

  it("catches a deleted first row", async () => {
    const { db, url, rows } = await chainOf20();
    await tamper(url, `delete from "AuditEvent" where "id" = 1`);
    expect(await verifyAuditChain(db)).toEqual({
      intact: false,
      count: 0,
      broken: { id: 2n, field: "prevHash", stored: rows[0]!.hash, expected: GENESIS_HASH, previousId: null },
    });
  });

  it("catches a truncated tail only against an anchor recorded earlier", async () => {
    const { db, url, rows } = await chainOf20();
    const anchor = { id: 20n, hash: rows[19]!.hash };
    await tamper(url, `delete from "AuditEvent" where "id" > 17`);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true, count: 17 });
    expect(await verifyAuditChain(db, { anchor })).toEqual({
      intact: false,
      count: 17,
      anchor,
      anchorProblem: "missing",
      storedHash: null,
    });
  });
});

describe("vigila audit:verify", { timeout: 180_000 }, () => {
  it("exits 0 with the count on an intact chain, and records that the trail was read", async () => {
    const { db, url, rows } = await chainOf20();
    const result = await cli(url);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Audit chain intact: 20 events checked. Head: event 20 ${rows[19]!.hash}`);
    const last = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(last).toMatchObject({ id: 21n, action: "audit.verify", actorId: null, metadata: { intact: true, checked: 20 } });
    const again = await cli(url, "--anchor", `20:${rows[19]!.hash}`, "--page-size", "6");
    expect(again.stdout).toContain("Audit chain intact: 21 events checked.");
    expect(again.code).toBe(0);
  });

  it("exits 1 naming the first broken row with expected and stored hashes", async () => {
    const { url, rows } = await chainOf20();
    await tamper(url, `delete from "AuditEvent" where "id" = 12`);
    const result = await cli(url);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Audit chain BROKEN at event 13: its prevHash is not the hash of event 11");
    expect(result.stdout).toContain(`stored prevHash:   ${rows[11]!.hash}`);
    expect(result.stdout).toContain(`expected prevHash: ${rows[10]!.hash}`);
    expect(result.stdout).toContain("11 events before it checked out.");
  });

  it("exits 1 when the anchor row is gone and 2 on a malformed anchor", async () => {
    const { url, rows } = await chainOf20();
    await tamper(url, `delete from "AuditEvent" where "id" > 17`);
    const result = await cli(url, "--anchor", `20:${rows[19]!.hash}`);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("anchor event 20 no longer exists");
    const usage = await cli(url, "--anchor", "20:nothex");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--anchor must be <event id>:<64 hex hash>");
  });
});
