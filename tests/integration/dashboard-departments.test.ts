import { describe, expect, it } from "vitest";
import { listAllDepartments, listDepartments } from "~/server/departments/list-departments";
import { ZListDepartmentsInput, parseDepartmentView } from "~/server/departments/list-input";
import { openDepartmentsExport } from "~/server/departments/export-departments";
import { departmentFilterOptions } from "~/server/departments/filter-options";
import { downloadStream } from "~/server/http/download";
import { useTestDatabase } from "../support/database";
import { D, analyst, buildDashboardFixture, michoacanAg } from "./dashboard-fixture";

const test = useTestDatabase();
const view = (input: Record<string, unknown> = {}) => ZListDepartmentsInput.parse(input);
const codes = (rows: { code: string }[]) => rows.map((r) => r.code);

describe("departments view", () => {
  it("builds the fixture", async () => {
    await buildDashboardFixture(test.current.db);
  });

  it("lists every department with the latest non-backtest level, fired rules, status and officers on the roll at D", async () => {
    const { total, rows } = await listDepartments(test.current.db, analyst, view(), D);
    expect(total).toBe(4);
    expect(rows).toEqual([
      expect.objectContaining({
        code: "MX-14-000-EST",
        level: "NONE",
        insufficientData: true,
        officersOnRoll: 0,
        rulesFired: [],
        underReview: false,
        inReceivership: false,
      }),
      expect.objectContaining({
        code: "MX-14-039-MUN",
        level: "REVIEW",
        officersOnRoll: 3,
        rulesFired: ["vetting-coverage"],
        stateName: "Jalisco",
        municipalityName: "Guadalajara",
      }),
      expect.objectContaining({ code: "MX-16-000-EST", level: "NONE", officersOnRoll: 2, rulesFired: [], municipalityCode: null }),
      expect.objectContaining({
        code: "MX-16-053-MUN",
        level: "RECEIVERSHIP",
        officersOnRoll: 3,
        rulesFired: ["failed-vetting-on-duty", "serious-abuse", "vetting-coverage"],
        underReview: true,
        inReceivership: true,
      }),
    ]);
  });

  it("filters by level, rule fired, status, kind, state and search (name or code, case-insensitive)", async () => {
    const list = async (input: Record<string, unknown>) => codes((await listDepartments(test.current.db, analyst, view(input), D)).rows);
    expect(await list({ level: "REVIEW" })).toEqual(["MX-14-039-MUN"]);
    expect(await list({ level: "WATCH" })).toEqual([]);
    expect(await list({ rule: "vetting-coverage" })).toEqual(["MX-14-039-MUN", "MX-16-053-MUN"]);
    expect(await list({ rule: "serious-abuse" })).toEqual(["MX-16-053-MUN"]);
    expect(await list({ status: "underReview" })).toEqual(["MX-16-053-MUN"]);
    expect(await list({ status: "inReceivership" })).toEqual(["MX-16-053-MUN"]);
    expect(await list({ kind: "STATE" })).toEqual(["MX-14-000-EST", "MX-16-000-EST"]);
    expect(await list({ stateCode: "14", kind: "MUNICIPAL" })).toEqual(["MX-14-039-MUN"]);
    expect(await list({ search: "morelia" })).toEqual(["MX-16-053-MUN"]);
    expect(await list({ search: "mx-16" })).toEqual(["MX-16-000-EST", "MX-16-053-MUN"]);
    // LIKE wildcards in the search are literal characters.
    expect(await list({ search: "%" })).toEqual([]);
  });

  it("sorts by level (unevaluated first ascending) and officers, with the code as tie-breaker", async () => {
    const list = async (input: Record<string, unknown>) => codes((await listDepartments(test.current.db, analyst, view(input), D)).rows);
    expect(await list({ sort: "level", direction: "desc" })).toEqual(["MX-16-053-MUN", "MX-14-039-MUN", "MX-14-000-EST", "MX-16-000-EST"]);
    expect(await list({ sort: "officers", direction: "asc" })).toEqual([
      "MX-14-000-EST",
      "MX-16-000-EST",
      "MX-14-039-MUN",
      "MX-16-053-MUN",
    ]);
  });

  it("paginates and still reports the total past the last page", async () => {
    const page2 = await listDepartments(test.current.db, analyst, view({ pageSize: 3, page: 2 }), D);
    expect(page2).toMatchObject({ total: 4, page: 2 });
    expect(codes(page2.rows)).toEqual(["MX-16-053-MUN"]);
    const beyond = await listDepartments(test.current.db, analyst, view({ pageSize: 3, page: 5 }), D);
    expect(beyond).toMatchObject({ total: 4, rows: [] });
  });

  it("shows a state attorney general only their state, even when they ask for another", async () => {
    expect(codes((await listDepartments(test.current.db, michoacanAg, view(), D)).rows)).toEqual(["MX-16-000-EST", "MX-16-053-MUN"]);
    expect((await listDepartments(test.current.db, michoacanAg, view({ stateCode: "14" }), D)).total).toBe(0);
    const options = await departmentFilterOptions(test.current.db, michoacanAg);
    expect(options.states).toEqual([{ code: "16", name: "Michoacán" }]);
    expect(options.ruleIds).toEqual(["failed-vetting-on-duty", "serious-abuse", "vetting-coverage"]);
  });

  it("exports the view: the exchange format's columns, then what the view shows; audits the export with its filters", async () => {
    const db = test.current.db;
    await db.department.update({ where: { code: "MX-16-000-EST" }, data: { name: '=HYPERLINK("x")' } });
    const chunks = await openDepartmentsExport(db, michoacanAg, { userId: 2, role: "STATE_AG" }, parseDepartmentView({ kind: "STATE" }));
    const csv = await new Response(downloadStream(chunks)).text();
    const [row] = await listAllDepartments(db, michoacanAg, parseDepartmentView({ kind: "STATE" }));
    const yesNo = (b: boolean) => (b ? "yes" : "no");
    expect(csv).toBe(
      "department_code,name,kind,state_code,municipality_code,authorized_strength," +
        "state_name,municipality_name,active_officers,level,insufficient_data,rules_fired,under_review,in_receivership\n" +
        `MX-16-000-EST,"'=HYPERLINK(""x"")",STATE,16,,10,${row!.stateName},,${row!.officersOnRoll},${row!.level ?? ""},` +
        `${yesNo(row!.insufficientData)},${row!.rulesFired.join(" ")},${yesNo(row!.underReview)},${yesNo(row!.inReceivership)}\n`,
    );
    expect(row!.level).not.toBeNull();
    const all = await new Response(
      downloadStream(await openDepartmentsExport(db, michoacanAg, { userId: 2, role: "STATE_AG" }, parseDepartmentView({}))),
    ).text();
    const receivership = all.split("\n").find((line) => line.startsWith("MX-16-053-MUN,"));
    expect(receivership).toMatch(/,RECEIVERSHIP,no,failed-vetting-on-duty serious-abuse vetting-coverage,yes,yes$/);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "departments.export" }, orderBy: { id: "asc" } });
    expect(audit).toMatchObject({
      actorId: 2,
      stateCode: "16",
      metadata: { rows: 1, filters: { kind: "STATE", sort: "code", direction: "asc" } },
    });
    const completed = await db.auditEvent.findFirstOrThrow({ where: { action: "departments.export.completed" } });
    expect(completed.metadata).toMatchObject({ rows: 1, bytes: Buffer.byteLength(csv) });
    expect(await listAllDepartments(db, analyst, parseDepartmentView({}), D)).toHaveLength(4);
  });

  it("reads a view from the URL, dropping malformed parameters instead of failing", () => {
    expect(
      parseDepartmentView({
        q: " morelia ",
        state: "16",
        level: "REVIEW",
        rule: "serious-abuse",
        status: "underReview",
        sort: "level",
        dir: "desc",
        page: "2",
      }),
    ).toEqual({
      search: "morelia",
      stateCode: "16",
      level: "REVIEW",
      rule: "serious-abuse",
      status: "underReview",
      sort: "level",
      direction: "desc",
      page: 2,
      pageSize: 50,
    });
    expect(parseDepartmentView({ state: "Michoacán", level: "HIGH", rule: "DROP TABLE", page: "-1", sort: "x" })).toEqual({
      sort: "code",
      direction: "asc",
      page: 1,
      pageSize: 50,
    });
  });
});
