import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/database";
import { type Dataset, addDays, dataset, staff } from "../support/rules-dataset";
import { evaluateDataset, ruleOf } from "../support/rules-harness";

const test = useTestDatabase();
// 2028 is a leap year: D − 365 is 2 March 2027, not 1 March (one year before).
const D = "2028-03-01";
const CODE = "MX-16-001-MUN";
const A = { departments: [{ code: CODE, kind: "MUNICIPAL" as const }] };
const initial = (officer: string, completedOn = "2015-05-01", hours = "400.00") => ({
  officer,
  course: "FORMACION_INICIAL",
  completedOn,
  hours,
});
const course = (officer: string, completedOn: string, hours: string, code = "DERECHOS_HUMANOS") => ({
  officer,
  course: code,
  completedOn,
  hours,
});

/** One officer with initial training long ago and the given records; returns their T (0 or 100). */
async function complianceOf(records: Dataset["training"]) {
  const results = await evaluateDataset(test.current.db, dataset(A, { officers: staff(CODE, 1, "O"), training: records }), D);
  return ruleOf(results, CODE, "training-compliance").value;
}

describe("training-compliance (T)", () => {
  it("adds hours as decimals: 13.33 + 13.33 + 13.34 = 40.00 complies, 13.33 × 3 = 39.99 does not", async () => {
    const three = (last: string) => [
      initial("O1"),
      course("O1", "2027-06-01", "13.33"),
      course("O1", "2027-07-01", "13.33", "PROXIMIDAD"),
      course("O1", "2027-08-01", last, "CADENA_CUSTODIA"),
    ];
    expect(await complianceOf(three("13.34"))).toBe(100);
    expect(await complianceOf(three("13.33"))).toBe(0);
    expect(await complianceOf([initial("O1"), course("O1", "2027-06-01", "39.99")])).toBe(0);
    expect(await complianceOf([initial("O1"), course("O1", "2027-06-01", "40.00")])).toBe(100);
  });

  it("counts hours completed in (D − 365, D]: D − 364 and D count, D − 365 and D + 1 do not", async () => {
    expect(addDays(D, -365)).toBe("2027-03-02");
    expect(await complianceOf([initial("O1"), course("O1", addDays(D, -364), "40.00")])).toBe(100);
    expect(await complianceOf([initial("O1"), course("O1", D, "40.00")])).toBe(100);
    expect(await complianceOf([initial("O1"), course("O1", addDays(D, -365), "40.00")])).toBe(0);
    expect(await complianceOf([initial("O1"), course("O1", addDays(D, 1), "40.00")])).toBe(0);
  });

  it("needs the initial course completed by D, whenever that was, and counts its hours in the window too", async () => {
    expect(await complianceOf([course("O1", "2027-06-01", "60.00")])).toBe(0);
    expect(await complianceOf([initial("O1", addDays(D, 1), "60.00"), course("O1", "2027-06-01", "60.00")])).toBe(0);
    expect(await complianceOf([initial("O1", D, "40.00")])).toBe(100);
    expect(await complianceOf([initial("O1", "2027-09-01", "25.00"), course("O1", "2027-10-01", "15.00")])).toBe(100);
    // Initial training from before hiring (academy) belongs to the officer too.
    expect(await complianceOf([initial("O1", "1999-01-01", "900.00"), course("O1", "2027-10-01", "40.00")])).toBe(100);
  });

  it.each([
    [10, 8, 80, "NONE"],
    [10, 7, 70, "WATCH"],
    [10, 6, 60, "WATCH"],
    [10, 5, 50, "REVIEW"],
    [3, 2, 66.66666666666667, "WATCH"],
    [6, 5, 83.33333333333333, "NONE"],
    [5, 3, 60, "WATCH"],
    [7, 4, 57.142857142857146, "REVIEW"],
  ])("N = %i with %i compliant → T = %d, %s", async (n, compliant, value, level) => {
    const officers = staff(CODE, n, "O");
    const training = officers.flatMap((o, i) => [initial(o.id), ...(i < compliant ? [course(o.id, "2027-12-01", "40.00")] : [])]);
    const results = await evaluateDataset(test.current.db, dataset(A, { officers, training }), D);
    expect(ruleOf(results, CODE, "training-compliance")).toEqual({ id: "training-compliance", level, value });
  });

  it("is null with insufficient data when the department has no active officers", async () => {
    const results = await evaluateDataset(test.current.db, dataset(A), D);
    expect(results).toEqual([expect.objectContaining({ department_code: CODE, level: "NONE", insufficient_data: true })]);
    expect(ruleOf(results, CODE, "training-compliance")).toEqual({ id: "training-compliance", level: "NONE", value: null });
  });
});
