import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runImport } from "~/server/imports/run-import";
import { DEPARTMENTS_CSV, importCsv, tableCounts } from "../fixtures/imports/support";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();

/** Staging goes through COPY FROM STDIN on the import transaction's own connection (stage.ts, copy-in.ts). */
describe("staging an import with COPY", () => {
  it("stores text exactly, whatever characters COPY's text format reserves", async () => {
    const { db } = test.current;
    const names = ["tab\there", "back\\slash \\N \\t", "carriage\rreturn", "line\nbreak", "\\N"];
    const csv = [DEPARTMENTS_CSV.split("\n")[0], ...names.map((n, i) => `COPY-${i},"${n}",STATE,16,,`)].join("\n");
    const result = await importCsv(db, "departments", csv);
    expect([result.status, result.created]).toEqual(["COMPLETED", names.length]);
    const stored = await db.department.findMany({
      where: { code: { startsWith: "COPY-" } },
      orderBy: { code: "asc" },
      select: { name: true },
    });
    expect(stored.map((d) => d.name)).toEqual(names);
  });

  it("fails, without hanging, when the connection is lost in the middle of the COPY", { timeout: 60_000 }, async () => {
    const { db } = test.current;
    await importCsv(db, "departments", DEPARTMENTS_CSV);
    const before = await tableCounts(db);
    let rows = 0;
    async function* slowFile() {
      yield "officer_id,department_code,given_name,family_name,rank,hired_on,separated_on\n";
      for (;;) {
        // Kill the importing backend once rows are flowing (bounded: ≤ 2,000 chunks).
        if (rows === 200)
          await db.$executeRaw`select pg_terminate_backend(pid) from pg_stat_activity where query like 'copy import_stage%' and pid <> pg_backend_pid()`;
        if (rows > 400_000) return;
        yield Array.from({ length: 200 }, () => `L${String(rows++).padStart(7, "0")},MICH-MORELIA,Ana,López,,2020-01-01,\n`).join("");
        await new Promise((r) => setImmediate(r));
      }
    }
    const attempt = runImport(db, { userId: null }, "officers", Readable.from(slowFile()), { fileName: "lost.csv" });
    await expect(attempt).rejects.toThrow();
    expect(rows).toBeLessThan(400_000);
    expect(await tableCounts(db)).toEqual(before);
  });
});
