import type { Db } from "~/server/db/client";
import type { Scope } from "~/server/authz/scope";

/**
 * A small hand-built dataset whose figures are worked out by hand at D = 2026-06-30
 * (see the expectations in the dashboard tests):
 * - Michoacán (16): MX-16-000-EST (2 active officers, both approved and trained),
 *   MX-16-053-MUN (3 active: approved+trained, expired vetting, failed vetting on duty; one separated,
 *   one hired after D; a sustained torture complaint in 24 months, one counted complaint in 12 months);
 * - Jalisco (14): MX-14-039-MUN (3 active: approved, pending, recently not approved),
 *   MX-14-000-EST (no officers).
 * Latest run (2026-06-30): 16-000 NONE, 16-053 RECEIVERSHIP, 14-039 REVIEW, 14-000 NONE (insufficient data).
 * A later BACKTEST run says everything is WATCH; it must be ignored.
 */
export const D = "2026-06-30";
const day = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

export const analyst: Scope = { userId: 1, role: "IA_ANALYST", stateCode: null };
export const michoacanAg: Scope = { userId: 2, role: "STATE_AG", stateCode: "16" };
export const admin: Scope = { userId: 3, role: "ADMIN", stateCode: null };
export const auditor: Scope = { userId: 4, role: "AUDITOR", stateCode: null };

const rule = (id: string, level: string, value: number | null) => ({ id, level, value });

export async function buildDashboardFixture(db: Db) {
  for (const [id, role, stateCode] of [
    [1, "IA_ANALYST", null],
    [2, "STATE_AG", "16"],
    [3, "ADMIN", null],
    [4, "AUDITOR", null],
  ] as const) {
    await db.user.create({
      data: { id, email: `u${id}@example.test`, name: `User ${id}`, passwordHash: "x", totpSecret: "x", role, stateCode },
    });
  }
  const dept = async (code: string, kind: "STATE" | "MUNICIPAL", stateCode: string, municipalityCode: string | null, name: string) =>
    db.department.create({ data: { code, kind, stateCode, municipalityCode, name, authorizedStrength: 10 } });
  const mich = await dept("MX-16-000-EST", "STATE", "16", null, "Secretaría de Seguridad Pública de Michoacán");
  const morelia = await dept("MX-16-053-MUN", "MUNICIPAL", "16", "053", "Policía Municipal de Morelia");
  const gdl = await dept("MX-14-039-MUN", "MUNICIPAL", "14", "039", "Policía Municipal de Guadalajara");
  const jal = await dept("MX-14-000-EST", "STATE", "14", null, "Secretaría de Seguridad de Jalisco");

  const officer = (id: string, departmentId: number, hiredOn: string, separatedOn: string | null = null) =>
    db.officer.create({
      data: {
        id,
        departmentId,
        givenName: "Ana",
        familyName: `Ruiz ${id}`,
        rank: "Policía",
        hiredOn: day(hiredOn),
        separatedOn: separatedOn ? day(separatedOn) : null,
      },
    });
  const vet = (officerId: string, evaluatedOn: string, result: "APPROVED" | "NOT_APPROVED" | "PENDING", validUntil: string) =>
    db.vettingEvaluation.create({ data: { officerId, evaluatedOn: day(evaluatedOn), result, validUntil: day(validUntil) } });
  const train = (officerId: string, courseCode: string, completedOn: string, hours: string) =>
    db.trainingRecord.create({ data: { officerId, courseCode, completedOn: day(completedOn), hours } });
  await db.trainingCourse.upsert({
    where: { code: "FORMACION_INICIAL" },
    update: {},
    create: { code: "FORMACION_INICIAL", nameEs: "Formación inicial", nameEn: "Initial training" },
  });
  await db.trainingCourse.upsert({
    where: { code: "DERECHOS_HUMANOS" },
    update: {},
    create: { code: "DERECHOS_HUMANOS", nameEs: "Derechos humanos", nameEn: "Human rights" },
  });

  for (const id of ["A1", "A2"]) {
    await officer(id, mich.id, "2018-01-01");
    await vet(id, "2025-01-10", "APPROVED", "2028-01-10");
    await train(id, "FORMACION_INICIAL", "2018-02-01", "400");
    await train(id, "DERECHOS_HUMANOS", "2026-01-15", "40");
  }
  await officer("B1", morelia.id, "2019-01-01");
  await vet("B1", "2025-01-10", "APPROVED", "2028-01-10");
  await train("B1", "FORMACION_INICIAL", "2019-02-01", "400");
  // 39.50 + 0.50 hours: exactly the 40-hour threshold, added as decimals.
  await train("B1", "DERECHOS_HUMANOS", "2025-07-01", "39.50");
  await train("B1", "DERECHOS_HUMANOS", "2026-06-30", "0.50");
  await officer("B2", morelia.id, "2019-01-01");
  await vet("B2", "2022-06-01", "APPROVED", "2025-06-01");
  await train("B2", "FORMACION_INICIAL", "2019-02-01", "400");
  // Completed exactly on D − 365: outside the (D − 365, D] window.
  await train("B2", "DERECHOS_HUMANOS", "2025-06-30", "40");
  await officer("B3", morelia.id, "2019-01-01");
  await vet("B3", "2023-01-10", "APPROVED", "2026-01-10");
  await vet("B3", "2026-04-01", "NOT_APPROVED", "2026-04-01");
  await officer("B4", morelia.id, "2019-01-01", "2026-03-01");
  await vet("B4", "2025-01-10", "APPROVED", "2028-01-10");
  await officer("B5", morelia.id, "2026-07-15");
  await officer("C1", gdl.id, "2020-01-01");
  await vet("C1", "2026-01-10", "APPROVED", "2029-01-10");
  await officer("C2", gdl.id, "2020-01-01");
  await vet("C2", "2024-01-10", "APPROVED", "2027-01-10");
  await vet("C2", "2026-02-10", "PENDING", "2026-02-10");
  await officer("C3", gdl.id, "2020-01-01");
  await vet("C3", "2026-05-01", "NOT_APPROVED", "2026-05-01");

  const complaint = (
    ref: string,
    departmentId: number,
    data: { receivedOn: string; category: string; status: string; resolvedOn?: string; source?: string },
    officers: string[] = [],
  ) =>
    db.complaint.create({
      data: {
        ref,
        departmentId,
        receivedOn: day(data.receivedOn),
        resolvedOn: data.resolvedOn ? day(data.resolvedOn) : null,
        category: data.category as never,
        status: data.status as never,
        source: (data.source ?? "CITIZEN") as never,
        summary: `Queja presentada por María López (tel. 443 000 0000) sobre ${ref}`,
        officers: { create: officers.map((officerId) => ({ officerId })) },
      },
    });
  await complaint(
    "Q-16-0001",
    morelia.id,
    { receivedOn: "2025-03-01", category: "TORTURE", status: "SUSTAINED", resolvedOn: "2025-10-01" },
    ["B2"],
  );
  await complaint("Q-16-0002", morelia.id, { receivedOn: "2026-05-01", category: "EXCESSIVE_FORCE", status: "RECEIVED" }, ["B1"]);
  await complaint("Q-16-0003", morelia.id, {
    receivedOn: "2026-02-01",
    category: "CORRUPTION",
    status: "UNFOUNDED",
    resolvedOn: "2026-03-01",
  });
  await complaint("Q-14-0001", gdl.id, {
    receivedOn: "2023-01-01",
    category: "SEXUAL_ABUSE",
    status: "SUSTAINED",
    resolvedOn: "2023-06-01",
  });

  const ruleSet = await db.ruleSet.create({ data: { id: "dashboard-fixture", name: "Dashboard fixture", description: "" } });
  // Only the rule ids matter to the dashboard (the filter offers the run's rules); results carry the figures.
  const definition = { rules: ["vetting-coverage", "failed-vetting-on-duty", "serious-abuse"].map((id) => ({ id })) };
  const version = await db.ruleSetVersion.create({
    data: { ruleSetId: ruleSet.id, version: 1, status: "PUBLISHED", definition, publishedAt: new Date() },
  });
  const run = await db.evaluationRun.create({
    data: { ruleSetVersionId: version.id, asOf: day(D), status: "SUCCEEDED", trigger: "CLI", finishedAt: new Date() },
  });
  const result = (departmentId: number, level: string, insufficientData: boolean, rules: object[], runId = run.id) =>
    db.evaluationResult.create({ data: { runId, departmentId, level: level as never, insufficientData, rules } });
  await result(mich.id, "NONE", false, [rule("vetting-coverage", "NONE", 100), rule("serious-abuse", "NONE", 0)]);
  const moreliaResult = await result(morelia.id, "RECEIVERSHIP", false, [
    rule("vetting-coverage", "RECEIVERSHIP", 100 / 3),
    rule("failed-vetting-on-duty", "REVIEW", 1),
    rule("serious-abuse", "REVIEW", 1),
  ]);
  await result(gdl.id, "REVIEW", false, [rule("vetting-coverage", "REVIEW", 100 / 3), rule("serious-abuse", "NONE", 0)]);
  await result(jal.id, "NONE", true, [rule("vetting-coverage", "NONE", null), rule("serious-abuse", "NONE", 0)]);
  const backtest = await db.evaluationRun.create({
    data: { ruleSetVersionId: version.id, asOf: day("2026-07-31"), status: "SUCCEEDED", trigger: "BACKTEST", finishedAt: new Date() },
  });
  for (const d of [mich, morelia, gdl, jal]) await result(d.id, "WATCH", false, [rule("complaint-rate", "WATCH", 9)], backtest.id);

  const recommendation = await db.recommendation.create({
    data: {
      departmentId: morelia.id,
      evaluationRunId: run.id,
      evaluationResultId: moreliaResult.id,
      level: "RECEIVERSHIP",
      previousLevel: "NONE",
    },
  });
  await db.review.create({
    data: {
      departmentId: morelia.id,
      recommendationId: recommendation.id,
      openedById: 1,
      ownerId: 1,
      scope: "Control de confianza",
      dueOn: day("2026-08-31"),
    },
  });
  await db.receivershipCase.create({
    data: {
      departmentId: morelia.id,
      recommendationId: recommendation.id,
      status: "IMPOSED",
      legalBasis: "Art. 115 fr. VII",
      receivingAuthority: "SSP Michoacán",
      startDate: day("2026-06-01"),
      terms: "Depuración y recertificación",
      proposedById: 1,
      exitCriteria: {
        create: [{ ruleId: "vetting-coverage", comparator: "GTE", threshold: "90", currentValue: "33.3333333333", met: false }],
      },
    },
  });
  return { mich, morelia, gdl, jal, run, backtest };
}
