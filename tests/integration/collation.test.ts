import { Prisma } from "~/generated/prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { departmentFilterOptions } from "~/server/departments/filter-options";
import { listDepartments } from "~/server/departments/list-departments";
import { ZListDepartmentsInput } from "~/server/departments/list-input";
import { dashboardOverview } from "~/server/dashboard/overview";
import { officerStandingsSql } from "~/server/officers/standing";
import type { Scope } from "~/server/authz/scope";
import { compareNames } from "~/components/format/collate";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();
const analyst: Scope = { userId: 1, role: "IA_ANALYST", stateCode: null };

// Byte order (the database's C collation) puts every accented capital after "Z" and ñ after "z".
const NAMES = ["Zitácuaro", "Álvaro Obregón", "Ávila", "Zamora", "Nuevo Parangaricutiro", "Ñuñoa", "Oaxaca", "avila"];
const SPANISH = ["Álvaro Obregón", "avila", "Ávila", "Nuevo Parangaricutiro", "Ñuñoa", "Oaxaca", "Zamora", "Zitácuaro"];

let firstDepartmentId = 0;

beforeAll(async () => {
  const { db } = test.current;
  for (const [i, name] of NAMES.entries()) {
    const code = String(100 + i).padStart(3, "0");
    await db.municipality.upsert({
      where: { stateCode_code: { stateCode: "16", code } },
      update: {},
      create: { stateCode: "16", code, name },
    });
    const department = await db.department.create({
      data: { code: `MX-16-${code}-MUN`, name, kind: "MUNICIPAL", stateCode: "16", municipalityCode: code },
    });
    firstDepartmentId ||= department.id;
    // Officers of one department, named so their family names need Spanish order too.
    await db.officer.create({
      data: {
        id: `CUIP${String(i).padStart(14, "0")}`,
        givenName: "Ana",
        familyName: name,
        departmentId: firstDepartmentId,
        hiredOn: new Date("2020-01-01T00:00:00Z"),
      },
    });
  }
});

describe("names sort in Spanish", () => {
  it("the reference order is the browser's Spanish collator", () => {
    expect([...NAMES].sort(compareNames)).toEqual(SPANISH);
  });

  it("the departments list sorted by name", async () => {
    const { db } = test.current;
    const up = await listDepartments(db, analyst, ZListDepartmentsInput.parse({ sort: "name", stateCode: "16", pageSize: 100 }));
    expect(up.rows.map((r) => r.name)).toEqual(SPANISH);
    const down = await listDepartments(
      db,
      analyst,
      ZListDepartmentsInput.parse({ sort: "name", direction: "desc", stateCode: "16", pageSize: 100 }),
    );
    expect(down.rows.map((r) => r.name)).toEqual([...SPANISH].reverse());
  });

  it("a state's departments on its overview", async () => {
    const overview = await dashboardOverview(test.current.db, analyst, { stateCode: "16" });
    expect(overview.areas.map((a) => a.name)).toEqual(SPANISH);
  });

  it("the states offered by the filters (México before Michoacán, Querétaro before Quintana Roo)", async () => {
    const { states } = await departmentFilterOptions(test.current.db, analyst);
    const names = states.map((s) => s.name);
    expect(names).toEqual([...names].sort(compareNames));
    expect(names.indexOf("México")).toBeLessThan(names.indexOf("Michoacán"));
    expect(names.length).toBe(32);
  });

  it("a department's officers by family name", async () => {
    const { db } = test.current;
    const rows = await db.$queryRaw<{ familyName: string }[]>(
      officerStandingsSql(Prisma.sql`o."departmentId" = ${firstDepartmentId}`, "2026-06-30"),
    );
    expect(rows.map((r) => r.familyName)).toEqual(SPANISH);
  });
});
