import { describe, expect, it } from "vitest";
import type { Scope } from "~/server/authz/scope";
import { trendPoints } from "~/server/dashboard/as-of";
import { type GroupBy, indicatorsAt, liveIndicatorsAt } from "~/server/dashboard/indicators-sql";
import { dashboardOverview } from "~/server/dashboard/overview";
import { refreshDashboardFigures } from "~/server/dashboard/refresh";
import type { Db } from "~/server/db/client";
import { undoImport } from "~/server/imports/undo";
import { importCsv } from "../fixtures/imports/support";
import { useTestDatabase } from "../support/database";
import { D, analyst, buildDashboardFixture, michoacanAg } from "./dashboard-fixture";
import { referenceFigures } from "./dashboard-reference-figures";

const test = useTestDatabase();
const POINTS = trendPoints(D);
const day = (ymd: string) => new Date(`${ymd}T00:00:00Z`);
let ids: { mich: number; morelia: number; gdl: number; jal: number };

/** The departments marked for recomputation, sorted, without consuming the marks. */
async function marked(db: Db): Promise<number[]> {
  const rows = await db.dashboardDirtyDepartment.findMany({ select: { departmentId: true } });
  return [...new Set(rows.map((r) => r.departmentId))].sort((a, b) => a - b);
}

/** The stored figures read by every scope and grouping equal the live computation, which equals the oracle. */
async function expectCacheMatchesLive(db: Db, points: readonly string[] = POINTS) {
  const scopes: Scope[] = [michoacanAg, analyst];
  for (const scope of scopes) {
    for (const groupBy of ["department", "state", "all"] as GroupBy[]) {
      expect(await indicatorsAt(db, scope, points, groupBy)).toEqual(await liveIndicatorsAt(db, scope, points, groupBy));
    }
  }
  expect(await liveIndicatorsAt(db, analyst, points, "department")).toEqual(await referenceFigures(db, points));
  expect(await marked(db)).toEqual([]);
}

/** One department's figures at D, from the stored table. */
async function at(db: Db, departmentId: number, asOf = D) {
  const rows = await indicatorsAt(db, analyst, [asOf], "department", { departmentId });
  return rows[0] ?? null;
}

describe("precomputed dashboard figures", () => {
  it("equal the live computation and the oracle on the fixture, for every scope and grouping", async () => {
    const { db } = test.current;
    const fixture = await buildDashboardFixture(db);
    ids = { mich: fixture.mich.id, morelia: fixture.morelia.id, gdl: fixture.gdl.id, jal: fixture.jal.id };
    await expectCacheMatchesLive(db, [...POINTS, "2025-06-30", "2026-07-01", "2023-06-01"]);
    expect(await at(db, ids.morelia)).toMatchObject({
      officers: 3,
      approved: 1,
      expiredVetting: 1,
      failedOnDuty: 1,
      trainingCompliant: 1,
      countedComplaints12m: 1,
      seriousAbuse24m: 1,
    });
    // MX-14-000-EST has no officers and no complaints: no stored row, zeros everywhere.
    expect(await at(db, ids.jal)).toBeNull();
    expect(await db.dashboardFigure.count({ where: { departmentId: ids.jal } })).toBe(0);
  });

  it("follow inserts, updates and deletes of vetting evaluations, marking only the officer's department", async () => {
    const { db } = test.current;
    const evaluation = await db.vettingEvaluation.create({
      data: { officerId: "C3", evaluatedOn: day("2026-06-01"), result: "APPROVED", validUntil: day("2029-06-01") },
    });
    expect(await marked(db)).toEqual([ids.gdl]);
    expect(await at(db, ids.gdl)).toMatchObject({ approved: 2 });
    await expectCacheMatchesLive(db);
    await db.vettingEvaluation.update({ where: { id: evaluation.id }, data: { result: "NOT_APPROVED" } });
    expect(await marked(db)).toEqual([ids.gdl]);
    expect(await at(db, ids.gdl)).toMatchObject({ approved: 1 });
    await expectCacheMatchesLive(db);
    await db.vettingEvaluation.delete({ where: { id: evaluation.id } });
    await expectCacheMatchesLive(db);
  });

  it("follow training records (hours at the 40-hour threshold)", async () => {
    const { db } = test.current;
    const record = await db.trainingRecord.create({
      data: { officerId: "B2", courseCode: "DERECHOS_HUMANOS", completedOn: day("2026-05-01"), hours: "40" },
    });
    expect(await marked(db)).toEqual([ids.morelia]);
    expect(await at(db, ids.morelia)).toMatchObject({ trainingCompliant: 2 });
    await expectCacheMatchesLive(db);
    await db.trainingRecord.update({ where: { id: record.id }, data: { hours: "39.99" } });
    expect(await at(db, ids.morelia)).toMatchObject({ trainingCompliant: 1 });
    await expectCacheMatchesLive(db);
    await db.trainingRecord.delete({ where: { id: record.id } });
    await expectCacheMatchesLive(db);
  });

  it("follow officers: hiring, a transfer (both departments), separation, deletion; other columns mark nothing", async () => {
    const { db } = test.current;
    await db.officer.create({
      data: { id: "A3", departmentId: ids.mich, givenName: "Eva", familyName: "Soto", hiredOn: day("2020-01-01") },
    });
    expect(await marked(db)).toEqual([ids.mich]);
    expect(await at(db, ids.mich)).toMatchObject({ officers: 3 });
    await expectCacheMatchesLive(db);
    await db.officer.update({ where: { id: "A3" }, data: { givenName: "Eva María", rank: "Suboficial" } });
    expect(await marked(db)).toEqual([]);
    await db.officer.update({ where: { id: "A3" }, data: { departmentId: ids.gdl } });
    expect(await marked(db)).toEqual([ids.mich, ids.gdl].sort((a, b) => a - b));
    expect([await at(db, ids.mich), await at(db, ids.gdl)]).toMatchObject([{ officers: 2 }, { officers: 4 }]);
    await expectCacheMatchesLive(db);
    await db.officer.update({ where: { id: "A3" }, data: { separatedOn: day("2026-06-30") } });
    expect(await at(db, ids.gdl)).toMatchObject({ officers: 3 });
    await expectCacheMatchesLive(db);
    await db.officer.delete({ where: { id: "A3" } });
    await expectCacheMatchesLive(db);
  });

  it("follow complaints and multi-row raw SQL", async () => {
    const { db } = test.current;
    const complaint = await db.complaint.create({
      data: {
        ref: "Q-14-0002",
        departmentId: ids.gdl,
        receivedOn: day("2026-06-01"),
        category: "EXCESSIVE_FORCE",
        status: "RECEIVED",
        source: "CITIZEN",
      },
    });
    expect(await marked(db)).toEqual([ids.gdl]);
    expect(await at(db, ids.gdl)).toMatchObject({ countedComplaints12m: 1 });
    await expectCacheMatchesLive(db);
    await db.complaint.update({ where: { id: complaint.id }, data: { status: "UNFOUNDED", resolvedOn: day("2026-06-20") } });
    expect(await at(db, ids.gdl)).toMatchObject({ countedComplaints12m: 0 });
    await expectCacheMatchesLive(db);
    await db.complaint.delete({ where: { id: complaint.id } });
    await expectCacheMatchesLive(db);
    await db.$executeRaw`update "VettingEvaluation" set "validUntil" = "validUntil" - 1000`;
    expect(await marked(db)).toEqual([ids.mich, ids.morelia, ids.gdl].sort((a, b) => a - b));
    await expectCacheMatchesLive(db);
    // A session that skips ordinary triggers (as an import may, to skip per-row foreign-key checks) still marks.
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("set local session_replication_role = replica");
      await tx.$executeRaw`update "Complaint" set status = 'WITHDRAWN' where ref = 'Q-16-0002'`;
    });
    expect(await marked(db)).toEqual([ids.morelia]);
    expect(await at(db, ids.morelia)).toMatchObject({ countedComplaints12m: 0 });
    await expectCacheMatchesLive(db);
  });

  it("follow an import and its undo", async () => {
    const { db } = test.current;
    const before = await at(db, ids.gdl);
    const result = await importCsv(
      db,
      "vetting",
      "officer_id,evaluated_on,result,valid_until\nC3,2026-06-10,APPROVED,2029-06-10\nC2,2026-06-11,APPROVED,2029-06-11\n",
    );
    expect(result).toMatchObject({ status: "COMPLETED", created: 2 });
    expect(await at(db, ids.gdl)).toMatchObject({ approved: (before?.approved ?? 0) + 2 });
    await expectCacheMatchesLive(db);
    await undoImport(db, { userId: 1 }, result.batchId!);
    expect(await at(db, ids.gdl)).toEqual(before);
    await expectCacheMatchesLive(db);
  });

  it("roll over to a new date: the background refresh stores the new trend's dates and forgets the others", async () => {
    const { db } = test.current;
    await refreshDashboardFigures(db, D);
    const stored = async () =>
      (await db.dashboardFigureDate.findMany({ orderBy: { asOf: "asc" } })).map((r) => r.asOf.toISOString().slice(0, 10));
    expect(await stored()).toEqual(POINTS);
    expect(await refreshDashboardFigures(db, "2026-07-01")).toEqual({ departments: 0, dates: ["2026-07-01"], pruned: 1 });
    expect(await refreshDashboardFigures(db, "2026-07-02")).toEqual({ departments: 0, dates: ["2026-07-02"], pruned: 1 });
    expect(await stored()).toEqual(trendPoints("2026-07-02"));
    await expectCacheMatchesLive(db, trendPoints("2026-07-02"));
    // Reading an older date again recomputes it on demand.
    await expectCacheMatchesLive(db);
  });

  it("show empty departments with zeros, a state AG only their state (without refreshing others' marks), and follow a move between states", async () => {
    const { db } = test.current;
    const empty = await db.department.create({
      data: { code: "MX-14-120-MUN", kind: "MUNICIPAL", stateCode: "14", municipalityCode: "120", name: "Policía de Zapopan" },
    });
    const jalisco = await dashboardOverview(db, analyst, { stateCode: "14" }, D);
    expect(jalisco.areas.find((a) => a.code === empty.code)).toMatchObject({ officers: 0, vettingCoverage: null, complaintsPer100: null });
    await db.complaint.create({
      data: {
        ref: "Q-14-0003",
        departmentId: empty.id,
        receivedOn: day("2026-06-01"),
        category: "EXTORTION",
        status: "RECEIVED",
        source: "CNDH",
      },
    });
    // Per-department rows of Michoacán do not depend on a Jalisco mark: read without refreshing it.
    const agRows = await indicatorsAt(db, michoacanAg, POINTS, "department");
    expect(new Set(agRows.map((r) => r.groupKey))).toEqual(new Set([String(ids.mich), String(ids.morelia)]));
    expect(await marked(db)).toEqual([empty.id]);
    // Per-state sums do (a department may have moved between states): any mark refreshes them.
    expect(await indicatorsAt(db, michoacanAg, POINTS, "state")).toEqual(await liveIndicatorsAt(db, michoacanAg, POINTS, "state"));
    expect(await marked(db)).toEqual([]);
    expect(await at(db, empty.id)).toMatchObject({ officers: 0, countedComplaints12m: 1 });
    await expectCacheMatchesLive(db);
    // A department moving to another state is marked, and the per-state sums follow it.
    const michoacanBefore = (await indicatorsAt(db, michoacanAg, [D], "all"))[0]!.countedComplaints12m;
    const jaliscoBefore = (await indicatorsAt(db, analyst, [D], "all", { stateCode: "14" }))[0]!.countedComplaints12m;
    await db.department.update({ where: { id: empty.id }, data: { stateCode: "16", municipalityCode: "001" } });
    expect(await marked(db)).toEqual([empty.id]);
    // Jalisco's sums lose it although the mark is now under Michoacán.
    expect((await indicatorsAt(db, analyst, [D], "all", { stateCode: "14" }))[0]!.countedComplaints12m).toBe(jaliscoBefore - 1);
    expect((await indicatorsAt(db, michoacanAg, [D], "all"))[0]!.countedComplaints12m).toBe(michoacanBefore + 1);
    await db.department.update({ where: { id: empty.id }, data: { name: "Policía Municipal" } });
    expect(await marked(db)).toEqual([]);
    await expectCacheMatchesLive(db);
  });

  it("inside a caller's transaction, computes live and leaves the marks; concurrent readers refresh once", async () => {
    const { db } = test.current;
    await db.$executeRaw`update "TrainingRecord" set hours = hours + 1 where "officerId" in ('A1', 'B1')`;
    const marks = await marked(db);
    expect(marks).toEqual([ids.mich, ids.morelia].sort((a, b) => a - b));
    const inTx = await db.$transaction((tx) => indicatorsAt(tx, analyst, POINTS, "state"));
    expect(inTx).toEqual(await liveIndicatorsAt(db, analyst, POINTS, "state"));
    expect(await marked(db)).toEqual(marks);
    await db.dashboardFigureDate.deleteMany({ where: { asOf: day(D) } });
    const live = await liveIndicatorsAt(db, analyst, POINTS, "department");
    const concurrent = await Promise.all(Array.from({ length: 6 }, () => indicatorsAt(db, analyst, POINTS, "department")));
    for (const rows of concurrent) expect(rows).toEqual(live);
    expect(await db.dashboardFigureDate.count({ where: { asOf: day(D) } })).toBe(1);
    await expectCacheMatchesLive(db);
  });
});
