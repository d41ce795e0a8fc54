import { describe, expect, it } from "vitest";
import { addDays, isoWeekday, latestDuePeriod, localDayAndHour, upcomingPeriod, zonedInstant } from "~/server/alerts/periods";

// These must hold whatever the process's TZ is (the suite runs under Mexico City and Kiritimati).
describe("alert delivery periods", () => {
  it("finds the local day and hour of an instant in any zone", () => {
    const instant = new Date("2026-06-30T05:30:00Z");
    expect(localDayAndHour(instant, "America/Mexico_City")).toEqual({ day: "2026-06-29", hour: 23 });
    expect(localDayAndHour(instant, "Pacific/Kiritimati")).toEqual({ day: "2026-06-30", hour: 19 });
    expect(localDayAndHour(instant, "Asia/Kolkata")).toEqual({ day: "2026-06-30", hour: 11 });
  });

  it("turns a local day and hour into the instant, across daylight-saving changes", () => {
    expect(zonedInstant("2026-06-30", 7, "America/Mexico_City").toISOString()).toBe("2026-06-30T13:00:00.000Z");
    expect(zonedInstant("2026-06-30", 7, "Pacific/Kiritimati").toISOString()).toBe("2026-06-29T17:00:00.000Z");
    expect(zonedInstant("2026-06-30", 7, "Asia/Kolkata").toISOString()).toBe("2026-06-30T01:30:00.000Z");
    // Tijuana springs forward at 02:00 on 2026-03-08: 02:00 does not exist, delivery moves to 03:00 PDT.
    expect(zonedInstant("2026-03-08", 2, "America/Tijuana").toISOString()).toBe("2026-03-08T10:00:00.000Z");
    // Falls back at 02:00 on 2026-11-01: 01:00 happens twice, the first one is taken.
    expect(zonedInstant("2026-11-01", 1, "America/Tijuana").toISOString()).toBe("2026-11-01T08:00:00.000Z");
  });

  it("computes calendar arithmetic on plain days", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(isoWeekday("2026-06-29")).toBe(1);
    expect(isoWeekday("2026-07-05")).toBe(7);
  });

  it("names a daily digest by its delivery day, due from the delivery hour on", () => {
    const tz = "America/Mexico_City";
    // 06:59 local: today's 07:00 digest is not due yet, yesterday's is the latest.
    const before = latestDuePeriod("DAILY", new Date("2026-06-30T12:59:59Z"), tz, 7);
    expect(before).toEqual({ key: "2026-06-29", start: new Date("2026-06-28T13:00:00Z"), end: new Date("2026-06-29T13:00:00Z") });
    const at = latestDuePeriod("DAILY", new Date("2026-06-30T13:00:00Z"), tz, 7);
    expect(at.key).toBe("2026-06-30");
    expect(upcomingPeriod("DAILY", new Date("2026-06-30T12:59:59Z"), tz, 7).key).toBe("2026-06-30");
    expect(upcomingPeriod("DAILY", new Date("2026-06-30T13:00:00Z"), tz, 7).key).toBe("2026-07-01");
  });

  it("delivers weekly digests on Mondays at the user's hour in their zone", () => {
    // Monday 2026-06-29 07:00 in Kiritimati is Sunday 17:00 UTC.
    const tz = "Pacific/Kiritimati";
    expect(latestDuePeriod("WEEKLY", new Date("2026-06-28T16:59:59Z"), tz, 7).key).toBe("2026-06-22");
    const due = latestDuePeriod("WEEKLY", new Date("2026-06-28T17:00:00Z"), tz, 7);
    expect(due).toEqual({ key: "2026-06-29", start: new Date("2026-06-21T17:00:00Z"), end: new Date("2026-06-28T17:00:00Z") });
    expect(latestDuePeriod("WEEKLY", new Date("2026-07-04T23:00:00Z"), tz, 7).key).toBe("2026-06-29");
  });
});
