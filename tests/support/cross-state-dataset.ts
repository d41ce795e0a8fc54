import type { Scope } from "~/server/authz/scope";
import type { Db } from "~/server/db/client";

/**
 * A small dataset spread over several states, for scoping tests. Every text a record carries
 * includes a marker `S<state><letter><n>` (S16D1 = state 16, department 1), so a response can be
 * scanned for any record of another state, whatever shape it has.
 */
export const DATASET_STATES = ["09", "14", "15", "16"] as const;
export const MARKER = /\bS(\d{2})[A-Z]\d+\b/g;

export type CrossStateDataset = {
  stateAgs: Scope[];
  departments: { id: number; code: string; stateCode: string }[];
  officerIds: string[];
  complaintRefs: string[];
  recommendationIds: number[];
  reviewIds: number[];
  receivershipIds: number[];
  /** Ids and codes that belong to no record, so lookups of nothing are exercised too. */
  missing: { id: number; code: string };
};

async function ruleSetVersionId(db: Db): Promise<number> {
  const existing = await db.ruleSetVersion.findFirst({ orderBy: { id: "asc" }, select: { id: true } });
  if (existing) return existing.id;
  await db.ruleSet.create({ data: { id: "scope-test", name: "Scope test", description: "" } });
  return (await db.ruleSetVersion.create({ data: { ruleSetId: "scope-test", version: 1, definition: { rules: [] } } })).id;
}

export async function seedCrossStateDataset(db: Db): Promise<CrossStateDataset> {
  const data: CrossStateDataset = {
    stateAgs: [],
    departments: [],
    officerIds: [],
    complaintRefs: [],
    recommendationIds: [],
    reviewIds: [],
    receivershipIds: [],
    missing: { id: 987_654, code: "S99D9" },
  };
  const run = await db.evaluationRun.create({
    data: {
      ruleSetVersionId: await ruleSetVersionId(db),
      asOf: new Date("2026-06-30T00:00:00Z"),
      status: "SUCCEEDED",
      trigger: "CLI",
      finishedAt: new Date(),
    },
  });
  for (const state of DATASET_STATES) {
    const ag = await db.user.create({
      data: {
        email: `ag${state}@scope.test`,
        name: `Fiscal S${state}U1`,
        passwordHash: "x",
        totpSecret: "x",
        role: "STATE_AG",
        stateCode: state,
      },
    });
    data.stateAgs.push({ userId: ag.id, role: "STATE_AG", stateCode: state, sessionId: null });
    for (const n of [1, 2]) {
      const code = `S${state}D${n}`;
      const department = await db.department.create({
        data: { code, name: `Policía ${code}`, kind: "STATE", stateCode: state, authorizedStrength: 100 },
      });
      data.departments.push({ id: department.id, code, stateCode: state });
      for (const o of [1, 2]) {
        const officerId = `S${state}O${n}${o}`;
        await db.officer.create({
          data: {
            id: officerId,
            departmentId: department.id,
            givenName: `Elemento ${officerId}`,
            familyName: officerId,
            hiredOn: new Date("2020-01-15T00:00:00Z"),
          },
        });
        data.officerIds.push(officerId);
      }
      const ref = `S${state}Q${n}`;
      await db.complaint.create({
        data: {
          ref,
          departmentId: department.id,
          receivedOn: new Date("2026-05-01T00:00:00Z"),
          source: "CITIZEN",
          category: "EXCESSIVE_FORCE",
          status: "INVESTIGATING",
          summary: `Queja ${ref}`,
          officers: { create: [{ officerId: `S${state}O${n}1` }] },
        },
      });
      data.complaintRefs.push(ref);
      const result = await db.evaluationResult.create({
        data: { runId: run.id, departmentId: department.id, level: "REVIEW", insufficientData: false, rules: [] },
      });
      const recommendation = await db.recommendation.create({
        data: {
          departmentId: department.id,
          evaluationRunId: run.id,
          evaluationResultId: result.id,
          level: "REVIEW",
          previousLevel: "NONE",
          justification: `Motivo S${state}M${n}`,
        },
      });
      data.recommendationIds.push(recommendation.id);
      const review = await db.review.create({
        data: {
          departmentId: department.id,
          recommendationId: recommendation.id,
          openedById: ag.id,
          ownerId: ag.id,
          scope: `Revisión S${state}V${n}`,
          findings: `Hallazgos S${state}V${n}`,
          sourceLinks: { create: [{ url: `https://example.org/S${state}L${n}`, label: `Nota S${state}L${n}` }] },
        },
      });
      data.reviewIds.push(review.id);
      const receivership = await db.receivershipCase.create({
        data: {
          departmentId: department.id,
          legalBasis: `Fundamento S${state}C${n}`,
          receivingAuthority: `Autoridad S${state}C${n}`,
          terms: `Términos S${state}C${n}`,
          proposedById: ag.id,
          milestones: { create: [{ title: `Hito S${state}H${n}`, dueOn: new Date("2026-12-31T00:00:00Z") }] },
          statusHistory: { create: [{ toStatus: "PROPOSED", changedById: ag.id, reason: `Propuesta S${state}C${n}` }] },
        },
      });
      data.receivershipIds.push(receivership.id);
      await db.comment.createMany({
        data: [
          { authorId: ag.id, targetType: "DEPARTMENT", targetId: String(department.id), body: `Comentario S${state}K${n}1` },
          { authorId: ag.id, targetType: "REVIEW", targetId: String(review.id), body: `Comentario S${state}K${n}2` },
          { authorId: ag.id, targetType: "RECEIVERSHIP", targetId: String(receivership.id), body: `Comentario S${state}K${n}3` },
        ],
      });
    }
  }
  return data;
}
