import { describe, expect, it } from "vitest";
import { addCalendarYears, parseCell, parseDate, parseHours, parseInteger } from "~/server/imports/cells";
import { neutraliseCell, reverseNeutralised } from "~/server/imports/csv-safety";

const value = (p: ReturnType<typeof parseDate>) => (p.ok ? p.value : `ERROR: ${p.reason}`);

describe("dates", () => {
  it("accept real calendar dates only, in YYYY-MM-DD form", () => {
    expect(value(parseDate("2024-02-29"))).toBe("2024-02-29");
    expect(value(parseDate("2000-02-29"))).toBe("2000-02-29");
    expect(value(parseDate("2026-12-31"))).toBe("2026-12-31");
    expect(value(parseDate("2027-01-01"))).toBe("2027-01-01");
    expect(value(parseDate("2026-02-30"))).toBe('ERROR: "2026-02-30" is not a real calendar date');
    expect(value(parseDate("2023-02-29"))).toBe('ERROR: "2023-02-29" is not a real calendar date');
    expect(value(parseDate("1900-02-29"))).toBe('ERROR: "1900-02-29" is not a real calendar date');
    expect(value(parseDate("2026-04-31"))).toMatch(/not a real calendar date/);
    expect(value(parseDate("2026-13-01"))).toMatch(/not a real calendar date/);
    expect(value(parseDate("2026-00-10"))).toMatch(/not a real calendar date/);
    expect(value(parseDate("0000-01-01"))).toMatch(/not a real calendar date/);
    for (const bad of ["2026-1-05", "05/01/2026", "2026-01-05T00:00:00Z", "20260105", "2026-01-05 "]) {
      expect(value(parseDate(bad))).toMatch(/is not a date in the form YYYY-MM-DD/);
    }
  });

  it("add calendar years keeping month and day, 29 February → 28 February", () => {
    expect(addCalendarYears("2024-02-29", 3)).toBe("2027-02-28");
    expect(addCalendarYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(addCalendarYears("2026-12-31", 3)).toBe("2029-12-31");
    expect(addCalendarYears("2027-01-01", 3)).toBe("2030-01-01");
    expect(addCalendarYears("2023-03-01", 3)).toBe("2026-03-01");
  });
});

describe("numbers", () => {
  it("hours: exact decimal > 0 and ≤ 2000 with at most 2 decimals", () => {
    expect(value(parseHours("8"))).toBe("8");
    expect(value(parseHours("0.01"))).toBe("0.01");
    expect(value(parseHours("2000"))).toBe("2000");
    expect(value(parseHours("2000.00"))).toBe("2000.00");
    expect(value(parseHours("1999.99"))).toBe("1999.99");
    expect(value(parseHours("2000.01"))).toBe('ERROR: "2000.01" must be at most 2000');
    expect(value(parseHours("0"))).toBe('ERROR: "0" must be greater than 0');
    expect(value(parseHours("0.00"))).toBe('ERROR: "0.00" must be greater than 0');
    for (const bad of ["1.234", "-5", "+5", "1e3", "1,5", ".5", "5.", "abc", "NaN"]) {
      expect(value(parseHours(bad))).toMatch(/is not a number with at most 2 decimals/);
    }
  });

  it("integers ≥ 0 that fit the column", () => {
    expect(value(parseInteger("0"))).toBe("0");
    expect(value(parseInteger("007"))).toBe("7");
    expect(value(parseInteger("2147483647"))).toBe("2147483647");
    for (const bad of ["-1", "1.5", "2147483648", "1e3", "x"]) expect(value(parseInteger(bad))).toMatch(/is not a whole number/);
  });
});

describe("enums, patterns and officer lists", () => {
  it("match exactly", () => {
    const kind = { kind: "enum", values: ["MUNICIPAL", "STATE"] } as const;
    expect(value(parseCell(kind, "STATE"))).toBe("STATE");
    expect(value(parseCell(kind, "state"))).toBe('ERROR: "state" must be one of MUNICIPAL, STATE');
    const ids = { kind: "idList", pattern: /^[A-Z0-9]{1,30}$/, rule: "1–30 characters A–Z, 0–9" } as const;
    expect(value(parseCell(ids, "B2; A1"))).toBe("B2;A1");
    expect(value(parseCell(ids, "A1;;B2"))).toBe('ERROR: "" must be 1–30 characters A–Z, 0–9');
    expect(value(parseCell(ids, "A1;a2"))).toBe('ERROR: "a2" must be 1–30 characters A–Z, 0–9');
    expect(value(parseCell(ids, "A1;A1"))).toBe('ERROR: "A1" is listed twice');
  });
});

describe("CSV injection", () => {
  it("neutralises formula triggers on export and reverses exactly on import", () => {
    const samples = ["=SUM(A1)", "+52 55", "-3", "@cmd", "\tTAB", "\rCR", "'=already quoted", "''=x", "it's fine", "'plain", "plain", ""];
    for (const s of samples) expect(reverseNeutralised(neutraliseCell(s))).toBe(s);
    expect(neutraliseCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(neutraliseCell("'=x")).toBe("''=x");
    expect(neutraliseCell("'plain")).toBe("'plain");
    expect(neutraliseCell("plain")).toBe("plain");
    expect(reverseNeutralised("'@x")).toBe("@x");
    expect(reverseNeutralised("'plain")).toBe("'plain");
  });
});
