import { randomBytes } from "node:crypto";
import type { Level, Role } from "~/generated/prisma/enums";
import type { Db } from "~/server/db/client";
import { approveReceivership } from "~/server/receivership/approve";
import { type ProposalTerms, proposeReceivership } from "~/server/receivership/propose";
import type { WorkflowScope } from "~/server/workflow/context";

/** Small builders for the workflow tests: users with live sessions, departments, persisted runs. */

let serial = 0;
const next = () => `${process.pid}${++serial}`;

export type TestUser = WorkflowScope & { sessionId: string };

/** A user with a session re-authenticated just now (receivership approvals need it). */
export async function createUser(
  db: Db,
  role: Role,
  stateCode: string | null = null,
  options: { reauthAt?: Date | null } = {},
): Promise<TestUser> {
  const n = next();
  const user = await db.user.create({
    data: { email: `u${n}@vigila.test`, name: `${role} ${n}`, passwordHash: "x", totpSecret: "x", role, stateCode },
  });
  const sessionId = randomBytes(32).toString("hex");
  await db.userSession.create({
    data: { id: sessionId, userId: user.id, sessionVersion: 1, reauthAt: options.reauthAt === undefined ? new Date() : options.reauthAt },
  });
  return { userId: user.id, role, stateCode, sessionId, origin: { ip: "127.0.0.1", userAgent: "vitest" } };
}

export async function createDepartment(db: Db, stateCode: string, kind: "MUNICIPAL" | "STATE" = "MUNICIPAL") {
  const n = next();
  return db.department.create({
    data: { code: `MX-${stateCode}-T${n}-${kind === "MUNICIPAL" ? "MUN" : "EST"}`, name: `Policía de prueba ${n}`, kind, stateCode },
  });
}

export type RuleFigure = { id: string; level?: Level; value: number | null };

async function publishedVersionId(db: Db, status: "PUBLISHED" | "DRAFT" = "PUBLISHED") {
  if (status === "PUBLISHED") {
    const v = await db.ruleSetVersion.findFirstOrThrow({
      where: { ruleSetId: "federal-baseline", status: "PUBLISHED" },
      orderBy: { version: "desc" },
    });
    return v.id;
  }
  const base = await db.ruleSetVersion.findFirstOrThrow({ where: { ruleSetId: "federal-baseline", status: "PUBLISHED" } });
  const top = await db.ruleSetVersion.aggregate({ where: { ruleSetId: "federal-baseline" }, _max: { version: true } });
  const draft = await db.ruleSetVersion.create({
    data: {
      ruleSetId: "federal-baseline",
      version: (top._max.version ?? 1) + 1,
      status: "DRAFT",
      definition: base.definition ?? {},
      basedOnId: base.id,
    },
  });
  return draft.id;
}

/**
 * A persisted evaluation run, as the evaluation persist stores it: one result per department with
 * every rule's id, level and main value.
 */
export async function createRun(
  db: Db,
  input: {
    asOf: string;
    results: { departmentId: number; level: Level; rules: RuleFigure[] }[];
    trigger?: "CLI" | "SCHEDULE" | "MANUAL" | "BACKTEST";
    ruleSetStatus?: "PUBLISHED" | "DRAFT";
    finishedAt?: Date;
  },
) {
  const finishedAt = input.finishedAt ?? new Date();
  const run = await db.evaluationRun.create({
    data: {
      ruleSetVersionId: await publishedVersionId(db, input.ruleSetStatus),
      asOf: new Date(`${input.asOf}T00:00:00Z`),
      status: "SUCCEEDED",
      trigger: input.trigger ?? "CLI",
      startedAt: finishedAt,
      finishedAt,
    },
  });
  const results = [];
  for (const r of input.results) {
    results.push(
      await db.evaluationResult.create({
        data: {
          runId: run.id,
          departmentId: r.departmentId,
          level: r.level,
          insufficientData: r.rules.some((x) => x.value === null),
          rules: r.rules.map((x) => ({ id: x.id, level: x.level ?? "NONE", value: x.value })),
        },
      }),
    );
  }
  return { run, results };
}

/** A run plus the recommendation the evaluation persist opens when a department's level rises. */
export async function createRecommendation(db: Db, departmentId: number, level: Level, previousLevel: Level = "NONE", asOf = "2026-06-30") {
  const { run, results } = await createRun(db, {
    asOf,
    results: [{ departmentId, level, rules: [{ id: "vetting-coverage", level, value: 40 }] }],
  });
  return db.recommendation.create({
    data: { departmentId, evaluationRunId: run.id, evaluationResultId: results[0]!.id, level, previousLevel },
  });
}

export { publishedVersionId };

export const RECEIVERSHIP_TERMS = {
  receivingAuthority: "Secretaría de Seguridad Pública de Michoacán",
  terms: "Mando operativo por 12 meses",
  legalBasis: "Artículos 21 y 115, fracción VII, de la Constitución; orden del Gobernador 12/2026.",
};

/** A proposal for a new department of `stateCode`, through the real service. */
export async function proposeForNewDepartment(db: Db, by: TestUser, extra: Partial<ProposalTerms> = {}, stateCode = "16") {
  const department = await createDepartment(db, stateCode);
  const proposal = await proposeReceivership(db, by, { departmentCode: department.code, ...RECEIVERSHIP_TERMS, ...extra });
  return { department, ...proposal };
}

export const caseVersion = async (db: Db, id: number) => (await db.receivershipCase.findUniqueOrThrow({ where: { id } })).version;

/** Approves a case by each approver in turn, each on the version current at that moment. */
export async function approveInTurn(db: Db, id: number, approvers: TestUser[]) {
  for (const who of approvers) await approveReceivership(db, who, { id, version: await caseVersion(db, id) });
}
