import { describe, expect, it } from "vitest";
import { conditionHolds, describeCondition, type Condition } from "~/server/rules/conditions";
import { parseCalendarDate, todayIn } from "~/server/rules/dates";
import { highestLevel } from "~/server/rules/levels";
import { add, compare, divide, fromDecimal, rational, toNumber } from "~/server/rules/rational";

describe("rational", () => {
  it("parses decimals exactly and compares without floating point", () => {
    const sum = add(add(fromDecimal("13.33"), fromDecimal("13.33")), fromDecimal("13.34"));
    expect(compare(sum, fromDecimal(40))).toBe(0);
    expect(compare(add(fromDecimal("0.1"), fromDecimal("0.2")), fromDecimal("0.3"))).toBe(0);
    expect(compare(rational(200, 3), fromDecimal(66.66666666666667))).toBe(-1);
    expect(fromDecimal("-1.5e2")).toEqual(rational(-150));
    expect(() => fromDecimal("12,5")).toThrow(/Not a decimal/);
    expect(() => rational(1, 0)).toThrow(/zero denominator/);
  });

  it("converts to the nearest double, also beyond 2^53", () => {
    expect(toNumber(rational(200, 3))).toBe(66.66666666666667);
    expect(toNumber(rational(165, 2))).toBe(82.5);
    expect(toNumber(rational(-1, 3))).toBe(-1 / 3);
    const huge = rational(10n ** 30n + 1n, 3n * 10n ** 28n);
    expect(toNumber(huge)).toBe(100 / 3);
    expect(toNumber(divide(rational(2n ** 80n), rational(3n)))).toBe(2 ** 80 / 3);
  });
});

describe("conditions", () => {
  const figures = { V: rational(150, 2), F: rational(3), share: rational(5), C: rational(50), M: rational(25), N: rational(0), X: null };
  const cases: [Condition, boolean][] = [
    [{ figure: "V", op: "<", than: 75 }, false],
    [{ figure: "V", op: "<=", than: 75 }, true],
    [{ figure: "V", op: "=", than: 75 }, true],
    [
      {
        all: [
          { figure: "F", op: ">=", than: 3 },
          { figure: "share", op: ">=", than: 5 },
        ],
      },
      true,
    ],
    [
      {
        all: [
          { figure: "F", op: ">=", than: 3 },
          { figure: "share", op: ">", than: 5 },
        ],
      },
      false,
    ],
    [{ figure: "C", op: ">", than: { figure: "M", times: 2 } }, false],
    [{ figure: "C", op: ">=", than: { figure: "M", times: 2 } }, true],
    [{ figure: "C", op: ">", than: { figure: "M", times: 1.99 } }, true],
    [
      {
        any: [
          { figure: "X", op: "<", than: 1 },
          { figure: "N", op: "=", than: 0 },
        ],
      },
      true,
    ],
    [{ figure: "X", op: "<", than: 100 }, false],
    [{ figure: "C", op: ">", than: { figure: "X" } }, false],
  ];
  it.each(cases)("%j → %s", (condition, expected) => {
    expect(conditionHolds(condition, figures)).toBe(expected);
  });

  it("describes thresholds the way the specification writes them", () => {
    expect(
      describeCondition({
        all: [
          { figure: "Q", op: ">=", than: 3 },
          { figure: "C", op: ">", than: { figure: "M", times: 2 } },
        ],
      }),
    ).toBe("Q ≥ 3 and C > 2 × M");
    expect(
      describeCondition({
        any: [
          { figure: "V", op: "<", than: 50 },
          {
            all: [
              { figure: "F", op: ">=", than: 1 },
              { figure: "K0", op: ">=", than: { figure: "K1" } },
            ],
          },
        ],
      }),
    ).toBe("V < 50 or (F ≥ 1 and K0 ≥ K1)");
  });
});

describe("levels and dates", () => {
  it("takes the highest level", () => {
    expect(highestLevel([])).toBe("NONE");
    expect(highestLevel(["WATCH", "RECEIVERSHIP", "REVIEW"])).toBe("RECEIVERSHIP");
  });

  it("accepts only real calendar dates", () => {
    expect(parseCalendarDate("2028-02-29")).toBe("2028-02-29");
    for (const bad of ["2027-02-29", "2026-13-01", "2026-6-30", "30/06/2026", "2026-06-30T00:00", "", "1899-12-31"]) {
      expect(parseCalendarDate(bad)).toBeNull();
    }
  });

  it("takes today's date in Mexico City whatever the process time zone", () => {
    // 05:30 UTC on 1 July is still 30 June in Mexico City (UTC−6) but already 1 July in Kiritimati.
    const instant = new Date("2026-07-01T05:30:00Z");
    expect(todayIn("America/Mexico_City", instant)).toBe("2026-06-30");
    expect(todayIn("Pacific/Kiritimati", instant)).toBe("2026-07-01");
    expect(todayIn(undefined, new Date("2026-07-01T06:00:00Z"))).toBe("2026-07-01");
  });
});
