import { describe, expect, it } from "vitest";
import { trendPoints } from "~/server/dashboard/as-of";
import { indicatorsAt, liveIndicatorsAt } from "~/server/dashboard/indicators-sql";
import { DEMO_REFERENCE_DATE } from "~/server/demo/calendar";
import { seedDemoData } from "~/server/demo/seed";
import { useTestDatabase } from "../support/database";
import { analyst } from "./dashboard-fixture";
import { referenceFigures } from "./dashboard-reference-figures";

const test = useTestDatabase();

/**
 * The set-based SQL against the oracle on generated data (the small demo: thousands of officers with
 * realistic vetting renewals, lapses, separations, training histories and complaints), at the 24 trend
 * dates and a few awkward ones (a leap day, the day before and after a month-end).
 */
describe("dashboard figures on the small demo dataset", () => {
  it("live SQL = oracle, and the precomputed table = live SQL, at every date", async () => {
    const { db } = test.current;
    const seed = await seedDemoData(db, { size: "small", asOf: DEMO_REFERENCE_DATE });
    expect(seed.officers).toBeGreaterThan(1000);
    const points = [...trendPoints(DEMO_REFERENCE_DATE), "2024-02-29", "2025-12-30", "2026-01-01"];
    const live = await liveIndicatorsAt(db, analyst, points, "department");
    expect(live.length).toBeGreaterThan(points.length * 50);
    expect(live).toEqual(await referenceFigures(db, points));
    expect(await indicatorsAt(db, analyst, points, "department")).toEqual(live);
    expect(await indicatorsAt(db, analyst, points, "state")).toEqual(await liveIndicatorsAt(db, analyst, points, "state"));
  });
});
