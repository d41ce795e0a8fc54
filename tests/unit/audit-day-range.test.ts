import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { auditDayRange } from "~/server/audit/day-range";
import { auditViewQuery, parseAuditView } from "~/server/audit/list-input";

// Run under TZ=America/Mexico_City and TZ=Pacific/Kiritimati: the process zone must not matter.
describe("auditDayRange (Mexico City calendar days → UTC bounds)", () => {
  it("covers one day from local midnight to the next local midnight (UTC-6 since 2022)", () => {
    expect(auditDayRange("2026-03-10", "2026-03-10")).toEqual({
      gte: new Date("2026-03-10T06:00:00.000Z"),
      lt: new Date("2026-03-11T06:00:00.000Z"),
    });
  });

  it("leaves a side open when its day is not given", () => {
    expect(auditDayRange("2026-12-31", undefined)).toEqual({ gte: new Date("2026-12-31T06:00:00.000Z") });
    expect(auditDayRange(undefined, "2026-12-31")).toEqual({ lt: new Date("2027-01-01T06:00:00.000Z") });
    expect(auditDayRange(undefined, undefined)).toEqual({});
  });

  it("crosses month, year and leap-day boundaries on the calendar, not by adding hours", () => {
    expect(auditDayRange("2028-02-29", "2028-02-29")).toEqual({
      gte: new Date("2028-02-29T06:00:00.000Z"),
      lt: new Date("2028-03-01T06:00:00.000Z"),
    });
    expect(auditDayRange("2026-12-31", "2026-12-31").lt).toEqual(new Date("2027-01-01T06:00:00.000Z"));
  });

  it("uses the historical daylight-saving offset for days before November 2022", () => {
    // 2022-04-03: clocks went from 02:00 CST to 03:00 CDT, so that day lasted 23 hours.
    expect(auditDayRange("2022-04-03", "2022-04-03")).toEqual({
      gte: new Date("2022-04-03T06:00:00.000Z"),
      lt: new Date("2022-04-04T05:00:00.000Z"),
    });
    // 2022-10-30: back from CDT to CST, a 25-hour day; DST then ended for good.
    expect(auditDayRange("2022-10-30", "2022-10-30")).toEqual({
      gte: new Date("2022-10-30T05:00:00.000Z"),
      lt: new Date("2022-10-31T06:00:00.000Z"),
    });
  });

  it("rejects a start after the end with a specific error", () => {
    const attempt = () => auditDayRange("2026-03-11", "2026-03-10");
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow("The start date 2026-03-11 is after the end date 2026-03-10");
  });
});

describe("audit view in the URL", () => {
  it("reads every filter and the page, and writes the same query back", () => {
    const params = {
      actor: "ana@",
      action: "auth.",
      type: "Complaint",
      target: "42",
      state: "16",
      outcome: "DENIED",
      from: "2026-01-01",
      to: "2026-01-31",
      page: "3",
    };
    const { input, invalid } = parseAuditView(params);
    expect(invalid).toEqual([]);
    expect(input).toEqual({
      actor: "ana@",
      action: "auth.",
      targetType: "Complaint",
      targetId: "42",
      stateCode: "16",
      outcome: "DENIED",
      from: "2026-01-01",
      to: "2026-01-31",
      page: 3,
      pageSize: 50,
    });
    expect(Object.fromEntries(new URLSearchParams(auditViewQuery(input)))).toEqual(params);
  });

  it("reports malformed filters instead of silently widening the search", () => {
    const { input, invalid } = parseAuditView({ from: "2026-02-30", to: "31/01/2026", state: "7", outcome: "MAYBE", actor: "  " });
    expect(invalid).toEqual(["stateCode", "outcome", "from", "to"]);
    expect(input).toEqual({ page: 1, pageSize: 50 });
  });
});
