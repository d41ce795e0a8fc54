import { Writable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "~/server/authz/scope";
import { exportCsv } from "~/server/exports/export-csv";
import { IMPORT_KINDS } from "~/server/imports/kinds";
import type { ImportKind } from "~/server/imports/types";
import { DEPARTMENTS_CSV, dataSnapshot, errorLines, importCsv } from "../fixtures/imports/support";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();

async function exportText(kind: ImportKind, scope: Scope | null = null, stateCode?: string) {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  const result = await exportCsv(test.current.db, scope, kind, { stateCode }, sink);
  return { text: Buffer.concat(chunks).toString("utf8"), ...result };
}

const FILES: Record<ImportKind, string> = {
  departments: DEPARTMENTS_CSV,
  officers: [
    "officer_id,department_code,given_name,family_name,rank,hired_on,separated_on",
    'OF002,MICH-MORELIA,"=HYPERLINK(""http://x"")",+López,-,2024-02-29,2026-12-31',
    "OF001,MICH-MORELIA,@Ana,''=ya citado,'texto,2027-01-01,",
    "OF003,JAL-GDL,María,García,Suboficial,2026-12-31,",
  ].join("\n"),
  training: "officer_id,course_code,completed_on,hours\nOF001,FORMACION_INICIAL,2024-02-29,960.5\nOF003,FORMACION_INICIAL,2027-01-01,40\n",
  vetting: "officer_id,evaluated_on,result\nOF001,2024-02-29,APPROVED\nOF003,2026-12-31,PENDING\n",
  complaints: [
    "complaint_ref,department_code,received_on,source,category,status,resolved_on,officer_ids,summary",
    '=Q-2,JAL-GDL,2025-06-01,CITIZEN,EXTORTION,RECEIVED,,OF003,"+52 55 1234 5678, ""línea"" 1\nlínea 2"',
    "Q-1,MICH-MORELIA,2025-05-01,CNDH,TORTURE,SUSTAINED,2025-09-30,OF002;OF001,",
  ].join("\n"),
};

beforeAll(async () => {
  for (const kind of IMPORT_KINDS) {
    const result = await importCsv(test.current.db, kind, FILES[kind]);
    expect(errorLines(result)).toEqual([]);
  }
});

describe("CSV export", () => {
  it("writes the import's columns in the spec's order, sorted by natural key, neutralising formulas", async () => {
    const officers = await exportText("officers");
    expect(officers.text.split("\n")).toEqual([
      "officer_id,department_code,given_name,family_name,rank,hired_on,separated_on",
      "OF001,MICH-MORELIA,'@Ana,''=ya citado,'texto,2027-01-01,",
      'OF002,MICH-MORELIA,"\'=HYPERLINK(""http://x"")",\'+López,\'-,2024-02-29,2026-12-31',
      "OF003,JAL-GDL,María,García,Suboficial,2026-12-31,",
      "",
    ]);
    const complaints = await exportText("complaints");
    expect(complaints.text).toBe(
      [
        "complaint_ref,department_code,received_on,source,category,status,resolved_on,officer_ids,summary",
        '\'=Q-2,JAL-GDL,2025-06-01,CITIZEN,EXTORTION,RECEIVED,,OF003,"\'+52 55 1234 5678, ""línea"" 1\nlínea 2"',
        "Q-1,MICH-MORELIA,2025-05-01,CNDH,TORTURE,SUSTAINED,2025-09-30,OF001;OF002,",
        "",
      ].join("\n"),
    );
    expect((await exportText("training")).text).toBe(
      "officer_id,course_code,completed_on,hours\nOF001,FORMACION_INICIAL,2024-02-29,960.50\nOF003,FORMACION_INICIAL,2027-01-01,40.00\n",
    );
    expect((await exportText("vetting")).text).toBe(
      "officer_id,evaluated_on,result,valid_until\nOF001,2024-02-29,APPROVED,2027-02-28\nOF003,2026-12-31,PENDING,2029-12-31\n",
    );
    const { db } = test.current;
    const ana = await db.officer.findUniqueOrThrow({ where: { id: "OF001" } });
    // The import removed exactly one protective quote, and only where one of the trigger characters follows.
    expect([ana.givenName, ana.familyName, ana.rank]).toEqual(["@Ana", "'=ya citado", "'texto"]);
    expect((await db.complaint.findFirstOrThrow({ where: { departmentId: { not: 0 }, status: "RECEIVED" } })).ref).toBe("=Q-2");
  });

  it("export → import changes nothing for every kind", async () => {
    const { db } = test.current;
    const before = await dataSnapshot(db);
    for (const kind of IMPORT_KINDS) {
      const exported = await exportText(kind);
      const result = await importCsv(db, kind, exported.text);
      expect(errorLines(result)).toEqual([]);
      expect(result).toMatchObject({ status: "COMPLETED", created: 0, updated: 0, unchanged: exported.rows });
    }
    expect(await dataSnapshot(db)).toEqual(before);
  });

  it("filters by state and by the caller's scope; out-of-scope records are simply absent", async () => {
    expect((await exportText("officers", null, "14")).text).toBe(
      "officer_id,department_code,given_name,family_name,rank,hired_on,separated_on\nOF003,JAL-GDL,María,García,Suboficial,2026-12-31,\n",
    );
    const jaliscoAg: Scope = { userId: 7, role: "STATE_AG", stateCode: "14" };
    expect((await exportText("departments", jaliscoAg)).rows).toBe(1);
    expect((await exportText("departments", jaliscoAg, "16")).rows).toBe(0);
    const auditor: Scope = { userId: 8, role: "AUDITOR", stateCode: null };
    const complaints = await exportText("complaints", auditor);
    expect(complaints.columns).not.toContain("summary");
    expect(complaints.text).not.toContain("1234");
    expect(complaints.rows).toBe(2);
    const audit = await test.current.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "export.completed", actorId: 8, role: "AUDITOR", targetId: "complaints" });
    expect(audit.metadata).toMatchObject({ kind: "complaints", rows: 2 });
  });

  it("lists in a complaint only the officers the caller may see (one since moved to another state is left out)", async () => {
    const { db } = test.current;
    const jalisco = await db.department.findUniqueOrThrow({ where: { code: "JAL-GDL" } });
    const morelia = await db.department.findUniqueOrThrow({ where: { code: "MICH-MORELIA" } });
    await db.officer.update({ where: { id: "OF001" }, data: { departmentId: jalisco.id } });
    try {
      const michoacanAg: Scope = { userId: 9, role: "STATE_AG", stateCode: "16" };
      const lines = (await exportText("complaints", michoacanAg)).text.split("\n");
      expect(lines[1]).toBe("Q-1,MICH-MORELIA,2025-05-01,CNDH,TORTURE,SUSTAINED,2025-09-30,OF002,");
      // Federal roles see every officer, wherever they serve now.
      expect((await exportText("complaints")).text).toContain(",OF001;OF002,");
    } finally {
      await db.officer.update({ where: { id: "OF001" }, data: { departmentId: morelia.id } });
    }
  });
});
