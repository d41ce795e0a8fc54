import { describe, expect, it } from "vitest";
import { dashboardToday, trendPoints } from "~/server/dashboard/as-of";
import { dashboardOverview, dashboardTrends } from "~/server/dashboard/overview";
import { useTestDatabase } from "../support/database";
import { D, analyst, buildDashboardFixture, michoacanAg } from "./dashboard-fixture";

const test = useTestDatabase();

describe("dashboard calendar", () => {
  it("takes today from Mexico City's calendar, whatever the process time zone", () => {
    expect(dashboardToday(new Date("2026-07-01T05:59:00Z"))).toBe("2026-06-30");
    expect(dashboardToday(new Date("2026-07-01T06:00:00Z"))).toBe("2026-07-01");
  });

  it("ends a trend at the date itself after 23 month-ends, across leap years", () => {
    const points = trendPoints("2026-03-15");
    expect(points).toHaveLength(24);
    expect(points[0]).toBe("2024-04-30");
    expect(points).toContain("2025-02-28");
    expect(points.slice(-2)).toEqual(["2026-02-28", "2026-03-15"]);
    expect(trendPoints("2024-03-10")).toContain("2024-02-29");
    expect(trendPoints("2026-01-31").slice(-2)).toEqual(["2025-12-31", "2026-01-31"]);
  });
});

describe("dashboard overview and trends", () => {
  it("builds the fixture", async () => {
    await buildDashboardFixture(test.current.db);
  });

  it("computes the national KPIs and each state's indicators exactly", async () => {
    const overview = await dashboardOverview(test.current.db, analyst, {}, D);
    expect(overview.levels).toEqual({ NONE: 2, WATCH: 0, REVIEW: 1, RECEIVERSHIP: 1, UNEVALUATED: 0 });
    expect(overview.kpis).toEqual({
      officers: 8,
      vettingCoverage: 50,
      trainingCompliance: 37.5,
      complaintsPer100: 12.5,
      expiredVetting: 1,
      failedOnDuty: 1,
      seriousAbuse24m: 1,
      openReceiverships: 1,
    });
    expect(overview.areas).toHaveLength(32);
    const byCode = new Map(overview.areas.map((a) => [a.code, a]));
    expect(byCode.get("16")).toEqual({
      key: "16",
      code: "16",
      name: "Michoacán",
      departments: 2,
      flaggedShare: 50,
      officers: 5,
      vettingCoverage: 60,
      trainingCompliance: 60,
      complaintsPer100: 20,
      levels: { NONE: 1, WATCH: 0, REVIEW: 0, RECEIVERSHIP: 1, UNEVALUATED: 0 },
    });
    expect(byCode.get("14")).toMatchObject({ departments: 2, flaggedShare: 50, officers: 3, trainingCompliance: 0, complaintsPer100: 0 });
    expect(byCode.get("14")?.vettingCoverage).toBeCloseTo(100 / 3, 10);
    expect(byCode.get("01")).toMatchObject({
      departments: 0,
      flaggedShare: null,
      officers: 0,
      vettingCoverage: null,
      trainingCompliance: null,
      complaintsPer100: null,
    });
  });

  it("shows a state's departments, and a state AG only their own state", async () => {
    const michoacan = await dashboardOverview(test.current.db, analyst, { stateCode: "16" }, D);
    expect(michoacan.state).toEqual({ code: "16", name: "Michoacán" });
    expect(michoacan.areas.map((a) => [a.code, a.flaggedShare, a.officers])).toEqual([
      ["MX-16-053-MUN", 100, 3],
      ["MX-16-000-EST", 0, 2],
    ]);
    expect(michoacan.kpis).toMatchObject({
      officers: 5,
      vettingCoverage: 60,
      expiredVetting: 1,
      failedOnDuty: 1,
      seriousAbuse24m: 1,
      openReceiverships: 1,
    });

    const agView = await dashboardOverview(test.current.db, michoacanAg, {}, D);
    expect(agView.areas.map((a) => a.code)).toEqual(["16"]);
    expect(agView.levels).toEqual({ NONE: 1, WATCH: 0, REVIEW: 0, RECEIVERSHIP: 1, UNEVALUATED: 0 });
    expect(agView.kpis.officers).toBe(5);
    await expect(dashboardOverview(test.current.db, michoacanAg, { stateCode: "14" }, D)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(dashboardOverview(test.current.db, analyst, { stateCode: "99" }, D)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(dashboardTrends(test.current.db, michoacanAg, { stateCode: "14" }, D)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("gives 24 monthly points computed at each month-end", async () => {
    const trend = await dashboardTrends(test.current.db, analyst, {}, D);
    expect(trend.map((p) => p.asOf)).toEqual(trendPoints(D));
    const at = (asOf: string) => trend.find((p) => p.asOf === asOf);
    expect(at(D)).toMatchObject({ officers: 8, vettingCoverage: 50, expiredVetting: 1, failedOnDuty: 1, seriousAbuse24m: 1 });
    // 31 May 2026: B3 failed on 1 April, fewer than 90 days earlier, so not yet "failed on duty".
    expect(at("2026-05-31")).toMatchObject({ officers: 8, vettingCoverage: 50, failedOnDuty: 0 });
    // 31 Dec 2025: B4 not yet separated, B3 and C2 still approved, C1 and C3 not yet vetted.
    expect(at("2025-12-31")).toMatchObject({ officers: 9, expiredVetting: 1 });
    expect(at("2025-12-31")?.vettingCoverage).toBeCloseTo(600 / 9, 10);
    const michoacanOnly = await dashboardTrends(test.current.db, michoacanAg, {}, D);
    expect(michoacanOnly.at(-1)).toMatchObject({ officers: 5, vettingCoverage: 60 });
  });
});
