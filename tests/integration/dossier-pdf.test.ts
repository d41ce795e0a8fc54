import { beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "~/server/authz/scope";
import { departmentDossier } from "~/server/departments/dossier";
import { renderDossierPdf } from "~/server/dossier/render-dossier-pdf";
import { explainDepartment } from "~/server/evaluations/explain-department";
import { runEvaluation } from "~/server/evaluations/run-evaluation";
import { useTestDatabase } from "../support/database";
import { pdfText } from "../support/pdf-text";
import { dataset, loadDataset, staff } from "../support/rules-dataset";

const test = useTestDatabase();
const D = "2026-06-30";
// 23:30 in Mexico City on D is already the next day in UTC: both must be printed.
const NOW = new Date("2026-07-01T05:30:00Z");
const analyst: Scope = { userId: 1, role: "IA_ANALYST", stateCode: null };
const jaliscoAg: Scope = { userId: 2, role: "STATE_AG", stateCode: "14" };
const auditor: Scope = { userId: 3, role: "AUDITOR", stateCode: null };
const SUMMARY = "Queja de Rosa Pérez Gómez, domicilio en calle Juárez 12";

const render = (scope: Scope, locale: "es" | "en") => renderDossierPdf(test.current.db, scope, "MICH-1", { locale, asOf: D, now: NOW });

beforeAll(async () => {
  const db = test.current.db;
  for (const [id, role, stateCode] of [
    [1, "IA_ANALYST", null],
    [2, "STATE_AG", "14"],
    [3, "AUDITOR", null],
  ] as const) {
    await db.user.create({
      data: { id, email: `u${id}@example.test`, name: `Usuaria ${id}`, passwordHash: "x", totpSecret: "x", role, stateCode },
    });
  }
  const peers = [...staff("MICH-2", 10, "Q"), ...staff("MICH-3", 12, "R")];
  const approved = (officer: string) => ({ officer, evaluatedOn: "2025-01-01", result: "APPROVED" as const, validUntil: "2028-01-01" });
  await loadDataset(
    db,
    dataset({
      departments: [
        { code: "MICH-1", kind: "MUNICIPAL" },
        { code: "MICH-2", kind: "MUNICIPAL" },
        { code: "MICH-3", kind: "MUNICIPAL" },
        { code: "JAL-1", kind: "MUNICIPAL", stateCode: "14" },
      ],
      officers: [...staff("MICH-1", 4, "P"), ...peers, ...staff("JAL-1", 2, "J")],
      vetting: [
        approved("P1"),
        { officer: "P2", evaluatedOn: "2026-01-01", result: "NOT_APPROVED", validUntil: "2029-01-01" },
        ...peers.map((o) => approved(o.id)),
      ],
      complaints: [
        {
          ref: "CNDH-77",
          department: "MICH-1",
          receivedOn: "2026-02-01",
          source: "CNDH",
          category: "TORTURE",
          status: "SUSTAINED",
          resolvedOn: "2026-05-01",
        },
      ],
    }),
  );
  await db.complaint.update({ where: { ref: "CNDH-77" }, data: { summary: SUMMARY } });
  await runEvaluation(db, { asOf: D, trigger: "CLI", actor: { userId: null } });
});

describe("department dossier PDF", () => {
  it("is a PDF whose text holds the figures the dossier services return, in Spanish", async () => {
    const pdf = await render(analyst, "es");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(pdf);
    const actor = { userId: 1, role: "IA_ANALYST" as const };
    const dossier = await departmentDossier(test.current.db, analyst, actor, "MICH-1", D);
    const explanation = await explainDepartment(test.current.db, analyst, "MICH-1", { runId: dossier.evaluation!.runId });
    expect(dossier.evaluation).toMatchObject({ level: "RECEIVERSHIP", ruleSetId: "federal-baseline", ruleSetVersion: 1, asOf: D });

    expect(text).toContain(dossier.department.name);
    expect(text).toContain("Clave MICH-1");
    expect(text).toContain("Nivel actual Intervención");
    expect(text).toContain("Conjunto de reglas federal-baseline v1");
    expect(text).toContain("Fecha de corte de los datos 30/06/2026");
    expect(text).toContain("Explicación de cada regla");
    expect(text).toContain("Tendencia de 24 meses");
    // Every rule: its name, level and value exactly as the page formats them (es-MX, at most 2 decimals).
    const es = new Intl.NumberFormat("es-MX", { maximumFractionDigits: 2 });
    const levelsEs: Record<string, string> = { NONE: "Sin alerta", WATCH: "Vigilancia", REVIEW: "Revisión", RECEIVERSHIP: "Intervención" };
    expect(explanation.rules.length).toBeGreaterThan(3);
    for (const rule of explanation.rules) {
      const value = rule.value === null ? "—" : es.format(rule.value);
      expect(text, rule.id).toMatch(new RegExp(`${levelsEs[rule.level]} ${value.replace(".", "\\.")} `));
    }
    expect(text).toContain(
      `Cobertura de control de confianza ${levelsEs[explanation.rules[0]!.level]} ${es.format(explanation.rules[0]!.value!)}`,
    );
    expect(text).toContain(`Elementos activos ${dossier.metrics.officers}`);
    expect(text).toContain(`No aprobados en servicio ${dossier.metrics.failedOnDuty}`);
    // Generation time in UTC and in Mexico City (already the next calendar day in UTC), and who asked.
    const instant = (timeZone: string) =>
      new Intl.DateTimeFormat("es-MX", {
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone,
      }).format(NOW);
    expect(instant("UTC")).toMatch(/^01\/07\/2026, 05:30/);
    expect(instant("America/Mexico_City")).toMatch(/^30\/06\/2026, 11:30/);
    expect(text).toContain(`${instant("UTC")} UTC · ${instant("America/Mexico_City")} (America/Mexico_City)`);
    expect(text).toContain("Usuaria 1 <u1@example.test> · Análisis de Asuntos Internos");
    // IA analysts may read complainants' personal data.
    expect(text).toContain("CNDH-77");
    expect(text).toContain(SUMMARY);
  });

  it("speaks English when asked, with the same figures", async () => {
    const text = await pdfText(await render(analyst, "en"));
    expect(text).toContain("Explanation of every rule");
    expect(text).toContain("Current level Receivership");
    expect(text).toContain("Data date 06/30/2026");
    expect(text).toContain("24-month trend");
    expect(text).not.toContain("Explicación de cada regla");
  });

  it("leaves complainants' personal data out for a role that may not read it, and audits whether it was disclosed", async () => {
    const db = test.current.db;
    const text = await pdfText(await render(auditor, "es"));
    expect(text).toContain("CNDH-77");
    expect(text).not.toContain("Rosa Pérez");
    expect(text).toContain("Los datos personales de los quejosos no se incluyen para su rol.");
    const audits = await db.auditEvent.findMany({ where: { action: "dossier.pdf" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.actorId, a.targetId, a.stateCode, (a.metadata as { personalData: boolean }).personalData])).toEqual([
      [1, "MICH-1", "16", true],
      [1, "MICH-1", "16", true],
      [3, "MICH-1", "16", false],
    ]);
  });

  it("answers NOT_FOUND for another state's department and an unknown code, recording no dossier.pdf audit row", async () => {
    const db = test.current.db;
    const before = await db.auditEvent.count({ where: { action: "dossier.pdf" } });
    await expect(render(jaliscoAg, "es")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(renderDossierPdf(db, analyst, "NOPE-1", { locale: "es" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditEvent.count({ where: { action: "dossier.pdf" } })).toBe(before);
    // The Jalisco attorney general gets their own department.
    const text = await pdfText(await renderDossierPdf(db, jaliscoAg, "JAL-1", { locale: "es", asOf: D, now: NOW }));
    expect(text).toContain("Clave JAL-1");
  });
});
