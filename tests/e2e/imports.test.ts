import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import pg from "pg";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e";
import { signIn } from "../support/sign-in";

/**
 * /imports in Chromium against the built app: an analyst uploads CSV and XLSX files built here (per
 * docs/spec/import-format.md), reads the validation report, downloads the errors, confirms, finds the
 * batch in the history, reloads while a batch validates; a supervisor undoes the batch. Every step is
 * checked against the database.
 */
const e2e = useAppAndBrowser();
const HEADER = ["department_code", "name", "kind", "state_code", "municipality_code", "authorized_strength"];
type Row = string[];
const csv = (rows: Row[]) => `${[HEADER, ...rows].map((r) => r.join(",")).join("\n")}\n`;
const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

let unchanged: Row;
let renamed: { code: string; name: string; row: Row };
let added: Row[];

beforeAll(async () => {
  const { db } = e2e.app.database;
  const [a, b] = await db.department.findMany({ where: { stateCode: "16", kind: "MUNICIPAL" }, orderBy: { code: "asc" }, take: 2 });
  const asRow = (d: NonNullable<typeof a>, name = d.name): Row => [
    d.code,
    name,
    d.kind,
    d.stateCode,
    d.municipalityCode ?? "",
    d.authorizedStrength === null ? "" : String(d.authorizedStrength),
  ];
  unchanged = asRow(a!);
  renamed = { code: b!.code, name: b!.name, row: asRow(b!, `${b!.name} (Nueva denominación)`) };
  const municipalities = await db.municipality.findMany({ where: { stateCode: "16" }, orderBy: { code: "desc" }, take: 2 });
  added = municipalities.map((m, i) => [`E2E-16-${m.code}`, `Policía de prueba ${i + 1}`, "MUNICIPAL", "16", m.code, String(40 + i)]);
});

const panel = (page: Page) => page.locator('section[aria-labelledby="batch"]');
/** The panel's status line (the first text equal to the status; a progress bar's label repeats it). */
const batchStatus = (page: Page, status: string) => panel(page).getByText(status, { exact: true }).first().waitFor({ timeout: 60_000 });
const batchRow = (id: number) => e2e.app.database.db.importBatch.findUniqueOrThrow({ where: { id } });

/** Chooses the kind and the file, uploads it, and returns the new batch's id from the URL. */
async function upload(page: Page, kind: string, name: string, buffer: Buffer, mimeType = "text/csv"): Promise<number> {
  const before = new URL(page.url()).searchParams.get("batch");
  await page.getByLabel("Tipo de archivo").selectOption(kind);
  await page.getByLabel("Archivo", { exact: true }).setInputFiles({ name, mimeType, buffer });
  await page.getByRole("button", { name: "Cargar y validar" }).click();
  await page.waitForURL((url) => url.searchParams.has("batch") && url.searchParams.get("batch") !== before);
  return Number(new URL(page.url()).searchParams.get("batch"));
}

async function xlsx(rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("departments");
  for (const row of [HEADER, ...rows]) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Officers for an existing department, enough rows for the progress bar to move. */
function officersCsv(departmentCode: string, count: number): string {
  const lines = ["officer_id,department_code,given_name,family_name,rank,hired_on"];
  for (let i = 0; i < count; i++) lines.push(`E2E${String(i).padStart(7, "0")},${departmentCode},Nombre ${i},Apellido,Policía,2020-01-15`);
  return `${lines.join("\n")}\n`;
}

describe("imports", () => {
  it("the analyst validates, reads the errors, confirms, sees the history, reloads mid-validation and uploads XLSX", async () => {
    const { db } = e2e.app.database;
    const { page, cspViolations } = await e2e.watchedPage();
    await signIn(page, e2e.app.baseUrl, "analista@vigila.demo", "/imports");
    await page.getByRole("heading", { name: "Historial de importaciones" }).waitFor();
    await e2e.checkPage(page, "imports-empty");

    // A deliberately bad row (line 3): the whole file is rejected, nothing written.
    const bad = csv([added[0]!, [...added[1]!.slice(0, 2), "REGIONAL", ...added[1]!.slice(3)]]);
    const rejectedId = await upload(page, "departments", "corporaciones-error.csv", Buffer.from(bad));
    await batchStatus(page, "Rechazado");
    const errorRows = await panel(page)
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent)));
    expect(errorRows).toHaveLength(1);
    expect(errorRows[0]!.slice(0, 2)).toEqual(["3", "kind"]);
    expect(await panel(page).textContent()).toContain("1 error: no se escribirá nada de este archivo");
    await e2e.checkPage(page, "imports-rejected");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel(page).getByRole("link", { name: "Descargar errores (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("corporaciones-error-errors.csv");
    const errorsCsv = await readFile(await download.path(), "utf8");
    expect(errorsCsv.split("\n")[0]).toBe("line,column,reason");
    expect(errorsCsv).toMatch(/^3,kind,.+$/m);
    expect(await db.department.count({ where: { code: { startsWith: "E2E-" } } })).toBe(0);
    expect(await batchRow(rejectedId)).toMatchObject({ status: "REJECTED", errorCount: 1 });

    // Two new, one updated, one unchanged: the report says exactly that before anything is written.
    const good = csv([unchanged, renamed.row, ...added]);
    const id = await upload(page, "departments", "corporaciones.csv", Buffer.from(good));
    await batchStatus(page, "Validado, en espera de confirmación");
    expect(await panel(page).textContent()).toContain("2 nuevos · 1 actualizados · 1 sin cambios");
    expect(await db.department.count({ where: { code: { startsWith: "E2E-" } } })).toBe(0);
    await e2e.checkPage(page, "imports-validated");
    await panel(page).getByRole("button", { name: "Confirmar y escribir" }).click();
    await batchStatus(page, "Completado");
    expect(await panel(page).textContent()).toContain("2 nuevos · 1 actualizados · 1 sin cambios");
    const written = await db.department.findMany({
      where: { code: { in: [renamed.code, ...added.map((r) => r[0]!)] } },
      orderBy: { code: "asc" },
    });
    expect(written.map((d) => [d.code, d.name, d.municipalityCode, d.authorizedStrength])).toEqual(
      [
        ...added.map((r) => [r[0], r[1], r[4], Number(r[5])]),
        [renamed.code, renamed.row[1], renamed.row[4], renamed.row[5] ? Number(renamed.row[5]) : null],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    expect(await batchRow(id)).toMatchObject({ status: "COMPLETED", created: 2, updated: 1, unchanged: 1, fileSha256: sha256(good) });

    const history = page
      .locator('section[aria-labelledby="history"] tbody tr')
      .filter({ has: page.getByRole("cell", { name: String(id), exact: true }) });
    await expect.poll(() => history.textContent()).toContain("Completado");
    expect(await history.textContent()).toContain("corporaciones.csv");
    expect(await history.locator(`code[title="${sha256(good)}"]`).textContent()).toBe(`${sha256(good).slice(0, 12)}…`);
    expect(await history.textContent()).toContain("2 / 1 / 1");

    await reloadWhileValidating(page);

    // The same rows as a spreadsheet: nothing new, because the CSV was written.
    const fromXlsx = await upload(
      page,
      "departments",
      "corporaciones.xlsx",
      await xlsx([unchanged, renamed.row, ...added]),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    await batchStatus(page, "Validado, en espera de confirmación");
    expect(await panel(page).textContent()).toContain("0 nuevos · 0 actualizados · 4 sin cambios");
    await panel(page).getByRole("button", { name: "Cancelar" }).click();
    await batchStatus(page, "Cancelado");
    expect((await batchRow(fromXlsx)).status).toBe("CANCELLED");
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it("the supervisor undoes the batch and the records are as before", async () => {
    const { db } = e2e.app.database;
    const completed = await db.importBatch.findFirstOrThrow({ where: { status: "COMPLETED", fileName: "corporaciones.csv" } });
    const page = await e2e.browser.newPage();
    page.on("dialog", (dialog) => void dialog.accept());
    await signIn(page, e2e.app.baseUrl, "supervisor@vigila.demo", "/imports");
    await page.goto(`${e2e.app.baseUrl}/imports?batch=${completed.id}`);
    await batchStatus(page, "Completado");
    await panel(page).getByRole("button", { name: "Deshacer" }).click();
    await batchStatus(page, "Deshecho");
    expect((await batchRow(completed.id)).status).toBe("UNDONE");
    expect(await db.department.count({ where: { code: { startsWith: "E2E-" } } })).toBe(0);
    expect((await db.department.findUniqueOrThrow({ where: { code: renamed.code } })).name).toBe(renamed.name);
    await e2e.checkPage(page, "imports-undone");
    await page.close();
  });
});

/**
 * Holds the officers table locked so that validation (which reads the whole file, then checks it
 * against the officers) stays in progress while the page reloads; then lets it finish and cancels.
 */
async function reloadWhileValidating(page: Page) {
  const { db, url } = e2e.app.database;
  const department = unchanged[0]!;
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query("begin");
    await lock.query(`lock table "Officer" in access exclusive mode`);
    const id = await upload(page, "officers", "elementos.csv", Buffer.from(officersCsv(department, 25_000)));
    await batchStatus(page, "Validando");
    const progress = panel(page).locator("progress");
    await progress.waitFor();
    await expect.poll(async () => (await batchRow(id)).rowsDone, { timeout: 30_000 }).toBeGreaterThan(0);
    await page.reload();
    await batchStatus(page, "Validando");
    expect(await panel(page).locator("h2").textContent()).toContain(`#${id} · elementos.csv`);
    expect(Number(await progress.getAttribute("value"))).toBeGreaterThan(0);
    expect(await panel(page).textContent()).toMatch(/[\d,]+ de ≈[\d,]+ filas/);
    await e2e.checkPage(page, "imports-validating");
  } finally {
    await lock.query("commit").catch(() => undefined);
    await lock.end();
  }
  await batchStatus(page, "Validado, en espera de confirmación");
  expect(await panel(page).textContent()).toContain("25,000 nuevos · 0 actualizados · 0 sin cambios");
  await panel(page).getByRole("button", { name: "Cancelar" }).click();
  await batchStatus(page, "Cancelado");
  expect(await db.officer.count({ where: { id: { startsWith: "E2E" } } })).toBe(0);
}
