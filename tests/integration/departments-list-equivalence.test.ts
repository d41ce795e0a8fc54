import { describe, expect, it } from "vitest";
import { listAllDepartments, listDepartments } from "~/server/departments/list-departments";
import { DEPARTMENT_SORTS, ZListDepartmentsInput } from "~/server/departments/list-input";
import { useTestDatabase } from "../support/database";
import { D, analyst, buildDashboardFixture, michoacanAg } from "./dashboard-fixture";
import { referenceDepartments } from "./departments-list-reference";

const test = useTestDatabase();

const FILTERS: Record<string, unknown>[] = [
  {},
  { level: "REVIEW" },
  { level: "NONE" },
  { rule: "vetting-coverage" },
  { rule: "serious-abuse" },
  { status: "underReview" },
  { status: "inReceivership" },
  { kind: "STATE" },
  { stateCode: "16" },
  { search: "policía" },
  { search: "MX-14", level: "NONE" },
  { kind: "MUNICIPAL", rule: "vetting-coverage", status: "underReview" },
];

async function reference(
  scope: typeof analyst,
  input: ReturnType<typeof ZListDepartmentsInput.parse>,
  limit: number | null,
  offset: number,
) {
  const rows = await referenceDepartments(test.current.db, scope, input, { limit, offset, today: D });
  return rows.map(({ id: _id, resultId: _resultId, total: _total, ...row }) => row);
}

describe("departments view query", () => {
  it("builds the fixture, with departments that tie on name, state and officers and one never evaluated", async () => {
    const { db } = test.current;
    await buildDashboardFixture(db);
    const extra = [
      { code: "MX-16-102-MUN", municipalityCode: "102", name: "policía municipal de morelia" },
      { code: "MX-16-001-MUN", municipalityCode: "001", name: "Policía Municipal de Acuitzio" },
    ];
    for (const department of extra) {
      await db.municipality.upsert({
        where: { stateCode_code: { stateCode: "16", code: department.municipalityCode } },
        update: {},
        create: { stateCode: "16", code: department.municipalityCode, name: department.name.slice(-8) },
      });
      await db.department.create({ data: { ...department, kind: "MUNICIPAL", stateCode: "16", authorizedStrength: null } });
    }
    expect(await db.department.count()).toBe(6);
  });

  it("returns the same rows and total as the previous query for every sort, direction, filter, page and scope", async () => {
    let compared = 0;
    let nonEmpty = 0;
    for (const scope of [analyst, michoacanAg]) {
      for (const filters of FILTERS) {
        for (const sort of DEPARTMENT_SORTS) {
          for (const direction of ["asc", "desc"]) {
            const view = ZListDepartmentsInput.parse({ ...filters, sort, direction, pageSize: 2 });
            const every = await reference(scope, view, null, 0);
            expect(await listAllDepartments(test.current.db, scope, view, D)).toEqual(every);
            for (const page of [1, 2, 3, 4]) {
              const listed = await listDepartments(test.current.db, scope, { ...view, page }, D);
              expect(listed).toEqual({ total: every.length, page, pageSize: 2, rows: await reference(scope, view, 2, (page - 1) * 2) });
              compared += 1;
              if (listed.rows.length > 0) nonEmpty += 1;
            }
          }
        }
      }
    }
    expect(compared).toBe(2 * FILTERS.length * DEPARTMENT_SORTS.length * 2 * 4);
    expect(nonEmpty).toBeGreaterThan(compared / 4);
  });
});
