import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { refreshActiveOfficerCounts } from "~/server/rules/active-officer-counts";
import type { CompiledRule } from "~/server/rules/definition";
import { evaluateDepartments } from "~/server/rules/evaluate";
import { loadRuleSetVersion } from "~/server/rules/rule-sets";
import { type EvaluationRow, evaluationStatement } from "~/server/rules/sql";
import { useTestDatabase } from "../support/database";
import { addDays, clearDataset, dataset, loadDataset, staff } from "../support/rules-dataset";

const test = useTestDatabase();
const D = "2026-06-30";

// Officers hired or separated on and next to D, in two kinds, plus complaints so the peer median moves.
const DATA = dataset(
  {
    departments: [
      { code: "M1", kind: "MUNICIPAL" },
      { code: "M2", kind: "MUNICIPAL" },
      { code: "M3", kind: "MUNICIPAL" },
      { code: "S1", kind: "STATE" },
    ],
  },
  { officers: staff("M1", 4, "M1-O") },
  { officers: staff("M2", 6, "M2-O") },
  { officers: staff("M3", 3, "M3-O") },
  { officers: staff("S1", 5, "S1-O") },
  {
    officers: [
      { id: "EDGE-HIRED-D", department: "M1", hiredOn: D },
      { id: "EDGE-HIRED-D+1", department: "M2", hiredOn: addDays(D, 1) },
      { id: "EDGE-SEP-D", department: "M3", hiredOn: "2010-01-01", separatedOn: D },
      { id: "EDGE-SEP-D+1", department: "M3", hiredOn: "2010-01-01", separatedOn: addDays(D, 1) },
    ],
  },
  {
    complaints: ["M1", "M1", "M1", "M2", "M3", "M3", "S1"].map((department, i) => ({
      ref: `Q${i}`,
      department,
      receivedOn: "2026-03-01",
      source: "CITIZEN" as const,
      category: "OTHER" as const,
      status: "RECEIVED" as const,
    })),
  },
);

class Rollback extends Error {
  constructor(readonly rows: EvaluationRow[]) {
    super("rollback");
  }
}

const statement = (db: DbOrTx, rules: CompiledRule[], asOf: string, where = Prisma.sql`true`) =>
  db.$queryRaw<EvaluationRow[]>(evaluationStatement(rules, { asOf }, where));

const withoutFlag = (rows: EvaluationRow[]) => rows.map(({ peer_staff_cached: _, ...rest }) => rest).sort((a, b) => a.id - b.id);

/** The same statement with the stored counts made invalid (a mark, rolled back): every officer counted. */
async function uncached(rules: CompiledRule[], asOf: string, where = Prisma.sql`true`) {
  const db = test.current.db;
  try {
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`insert into "OfficerCountMark" default values`;
      throw new Rollback(await statement(tx, rules, asOf, where));
    });
  } catch (err) {
    if (err instanceof Rollback) {
      expect(err.rows.every((r) => !r.peer_staff_cached)).toBe(true);
      return withoutFlag(err.rows);
    }
    throw err;
  }
  throw new Error("unreachable");
}

/** Stored counts used, and equal to counting every officer: whole country and each department alone. */
async function expectCachedEqualsUncached(rules: CompiledRule[], asOf: string) {
  const db = test.current.db;
  const all = await statement(db, rules, asOf);
  expect(all.every((r) => r.peer_staff_cached)).toBe(true);
  expect(withoutFlag(all)).toEqual(await uncached(rules, asOf));
  for (const { id } of all) {
    const one = await statement(db, rules, asOf, Prisma.sql`d.id = ${id}`);
    expect(one.map((r) => r.peer_staff_cached)).toEqual([true]);
    expect(withoutFlag(one)).toEqual(await uncached(rules, asOf, Prisma.sql`d.id = ${id}`));
  }
  const stored = await db.$queryRaw<{ id: number; n: number }[]>`
    select "departmentId" as id, officers as n from "ActiveOfficerCount" where "asOf" = ${asOf}::date order by 1`;
  const counted = await db.$queryRaw<{ id: number; n: number }[]>`
    select "departmentId" as id, count(*)::int as n from "Officer"
    where "hiredOn" <= ${asOf}::date and ("separatedOn" is null or "separatedOn" > ${asOf}::date) group by 1 order by 1`;
  expect(stored).toEqual(counted);
}

const cachedNow = async (rules: CompiledRule[], asOf = D) => (await statement(test.current.db, rules, asOf))[0]!.peer_staff_cached;
const marks = async () => Number((await test.current.db.$queryRaw<{ n: bigint }[]>`select count(*) as n from "OfficerCountMark"`)[0]!.n);

describe("stored active-officer counts (peer median denominators)", () => {
  let rules: CompiledRule[];
  beforeEach(async () => {
    await clearDataset(test.current.db);
    await loadDataset(test.current.db, DATA);
    rules = (await loadRuleSetVersion(test.current.db)).rules;
  });

  it("an evaluation stores them; later evaluations use them, at D and either side of it, with identical results", async () => {
    expect(await cachedNow(rules)).toBe(false);
    await evaluateDepartments(test.current.db, rules, D);
    expect(await cachedNow(rules)).toBe(true);
    await expectCachedEqualsUncached(rules, D);
    for (const asOf of [addDays(D, -1), addDays(D, 1)]) {
      expect(await cachedNow(rules, asOf)).toBe(false);
      await evaluateDepartments(test.current.db, rules, asOf);
      await expectCachedEqualsUncached(rules, asOf);
    }
    // Adding a date keeps the others.
    expect(await cachedNow(rules, D)).toBe(true);
  });

  it("a new complaint leaves them valid and is counted", async () => {
    await refreshActiveOfficerCounts(test.current.db, D);
    const m1 = await test.current.db.department.findUniqueOrThrow({ where: { code: "M1" } });
    await test.current.db.complaint.create({
      data: {
        ref: "NEW",
        departmentId: m1.id,
        receivedOn: new Date(`${D}T00:00:00Z`),
        source: "CITIZEN",
        category: "OTHER",
        status: "RECEIVED",
      },
    });
    expect(await marks()).toBe(0);
    await expectCachedEqualsUncached(rules, D);
    const [one] = await evaluateDepartments(test.current.db, rules, D, Prisma.sql`d.id = ${m1.id}`);
    expect(one!.rules.find((r) => r.id === "complaint-rate")!.extras.count).toBe(4);
  });

  it("officer inserts, separations, transfers and deletes invalidate them; other edits and empty statements do not", async () => {
    const db = test.current.db;
    const [m1, m2] = await Promise.all(["M1", "M2"].map((code) => db.department.findUniqueOrThrow({ where: { code } })));
    const changes: [string, () => Promise<unknown>, boolean][] = [
      ["rename", () => db.officer.update({ where: { id: "M1-O1" }, data: { givenName: "Otro" } }), false],
      ["delete nothing", () => db.officer.deleteMany({ where: { id: "NOBODY" } }), false],
      [
        "update nothing",
        () => db.officer.updateMany({ where: { id: "NOBODY" }, data: { separatedOn: new Date(`${D}T00:00:00Z`) } }),
        false,
      ],
      [
        "insert",
        () =>
          db.officer.create({
            data: { id: "NEW-1", departmentId: m1!.id, givenName: "A", familyName: "B", hiredOn: new Date("2020-01-01T00:00:00Z") },
          }),
        true,
      ],
      ["separate on D", () => db.officer.update({ where: { id: "M1-O2" }, data: { separatedOn: new Date(`${D}T00:00:00Z`) } }), true],
      [
        "separate the day after D",
        () => db.officer.update({ where: { id: "M1-O3" }, data: { separatedOn: new Date(`${addDays(D, 1)}T00:00:00Z`) } }),
        true,
      ],
      [
        "hire date moved to D + 1",
        () => db.officer.update({ where: { id: "M2-O1" }, data: { hiredOn: new Date(`${addDays(D, 1)}T00:00:00Z`) } }),
        true,
      ],
      ["transfer", () => db.officer.update({ where: { id: "M2-O2" }, data: { departmentId: m1!.id } }), true],
      [
        "transfer leaves M2 with fewer than M1",
        () => db.officer.updateMany({ where: { departmentId: m2!.id }, data: { departmentId: m1!.id } }),
        true,
      ],
      ["delete", () => db.officer.delete({ where: { id: "M3-O1" } }), true],
    ];
    for (const [label, change, invalidates] of changes) {
      await evaluateDepartments(db, rules, D);
      expect(await cachedNow(rules), label).toBe(true);
      await change();
      expect(await cachedNow(rules), label).toBe(!invalidates);
      await evaluateDepartments(db, rules, D);
      await expectCachedEqualsUncached(rules, D);
    }
  });

  it("an officer change drops every stored date; TRUNCATE too", async () => {
    const db = test.current.db;
    for (const asOf of [D, "2025-12-31"]) await refreshActiveOfficerCounts(db, asOf);
    expect(await cachedNow(rules, "2025-12-31")).toBe(true);
    await db.officer.update({ where: { id: "S1-O1" }, data: { separatedOn: new Date("2025-06-01T00:00:00Z") } });
    expect(await refreshActiveOfficerCounts(db, D)).toBe("refreshed");
    expect(await cachedNow(rules, D)).toBe(true);
    expect(await cachedNow(rules, "2025-12-31")).toBe(false);
    await expectCachedEqualsUncached(rules, D);
    expect(await marks()).toBe(0);
    await clearDataset(db);
    expect(await marks()).toBe(1);
  });

  it("inside a transaction: its own officer changes are counted, nothing is stored, and a rollback leaves the stored counts valid", async () => {
    const db = test.current.db;
    await refreshActiveOfficerCounts(db, D);
    const m3 = await db.department.findUniqueOrThrow({ where: { code: "M3" } });
    await db
      .$transaction(async (tx) => {
        await tx.officer.createMany({
          data: Array.from({ length: 20 }, (_, i) => ({
            id: `TX-${i}`,
            departmentId: m3.id,
            givenName: "A",
            familyName: "B",
            hiredOn: new Date("2020-01-01T00:00:00Z"),
          })),
        });
        const rows = await statement(tx, rules, D);
        expect(rows.every((r) => !r.peer_staff_cached)).toBe(true);
        const inTx = await evaluateDepartments(tx, rules, D, Prisma.sql`d.id = ${m3.id}`);
        expect(inTx[0]!.n).toBe(4 + 20);
        throw new Error("rollback");
      })
      .catch((err: unknown) => expect((err as Error).message).toBe("rollback"));
    expect(await cachedNow(rules)).toBe(true);
    await expectCachedEqualsUncached(rules, D);
  });

  it("an evaluation inside a caller's transaction never stores counts", async () => {
    const db = test.current.db;
    const before = await marks(); // the dataset's TRUNCATE and inserts
    expect(before).toBeGreaterThan(0);
    await db.$transaction((tx) => evaluateDepartments(tx, rules, D));
    expect(await marks()).toBe(before);
    expect(await cachedNow(rules)).toBe(false);
    await evaluateDepartments(db, rules, D);
    expect(await marks()).toBe(0);
    expect(await cachedNow(rules)).toBe(true);
  });

  it("a change committed by another connection after a refresh counted without it invalidates the stored counts", async () => {
    const db = test.current.db;
    const m2 = await db.department.findUniqueOrThrow({ where: { code: "M2" } });
    const other = new pg.Client({ connectionString: test.current.url });
    await other.connect();
    try {
      await other.query("begin");
      await other.query(
        `insert into "Officer" (id, "departmentId", "givenName", "familyName", "hiredOn", "updatedAt")
         select 'OTHER-' || i, $1, 'A', 'B', '2020-01-01', now() from generate_series(1, 30) i`,
        [m2.id],
      );
      // The uncommitted officers are invisible here: the refresh stores counts without them.
      expect(await refreshActiveOfficerCounts(db, D)).toBe("refreshed");
      expect(await cachedNow(rules)).toBe(true);
      await other.query("commit");
    } finally {
      await other.end();
    }
    expect(await cachedNow(rules)).toBe(false);
    const [alone] = await evaluateDepartments(db, rules, D, Prisma.sql`d.id = ${m2.id}`);
    expect(alone!.n).toBe(6 + 30);
    await expectCachedEqualsUncached(rules, D);
  });

  it("one refresh at a time: a second one started meanwhile gives way", async () => {
    const db = test.current.db;
    const other = new pg.Client({ connectionString: test.current.url });
    await other.connect();
    try {
      await other.query("begin");
      await other.query("select pg_advisory_xact_lock(7411041)");
      expect(await refreshActiveOfficerCounts(db, D)).toBe("busy");
      await other.query("commit");
    } finally {
      await other.end();
    }
    expect(await refreshActiveOfficerCounts(db, D)).toBe("refreshed");
    expect(await refreshActiveOfficerCounts(db, D)).toBe("valid");
  });
});
