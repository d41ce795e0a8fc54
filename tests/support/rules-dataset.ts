import type { ComplaintCategory, ComplaintSource, ComplaintStatus, DepartmentKind, VettingResult } from "~/generated/prisma/enums";
import type { Db } from "~/server/db/client";
import { dbDate } from "~/server/rules/dates";

/** A compact description of the data the rules read, loaded into a test database as is. */
export type Dataset = {
  departments: { code: string; kind: DepartmentKind; stateCode?: string; authorizedStrength?: number | null }[];
  officers: { id: string; department: string; hiredOn: string; separatedOn?: string | null }[];
  vetting: { officer: string; evaluatedOn: string; result: VettingResult; validUntil: string }[];
  training: { officer: string; course: string; completedOn: string; hours: string }[];
  complaints: {
    ref: string;
    department: string;
    receivedOn: string;
    source: ComplaintSource;
    category: ComplaintCategory;
    status: ComplaintStatus;
    resolvedOn?: string | null;
  }[];
};

export const emptyDataset = (): Dataset => ({ departments: [], officers: [], vetting: [], training: [], complaints: [] });

/** Removes every department and what hangs off it (the reference data and rule sets stay). */
export async function clearDataset(db: Db) {
  await db.$executeRawUnsafe(
    `truncate "Recommendation", "EvaluationResult", "EvaluationRun", "Complaint", "TrainingRecord", "VettingEvaluation", "Officer", "Department" restart identity cascade`,
  );
}

export async function loadDataset(db: Db, data: Dataset) {
  const courses = [...new Set(data.training.map((t) => t.course))];
  for (const code of courses) {
    await db.trainingCourse.upsert({ where: { code }, update: {}, create: { code, nameEs: code, nameEn: code } });
  }
  await db.department.createMany({
    data: data.departments.map((d) => ({
      code: d.code,
      name: `Corporación ${d.code}`,
      kind: d.kind,
      stateCode: d.stateCode ?? "16",
      municipalityCode: d.kind === "MUNICIPAL" ? "001" : null,
      authorizedStrength: d.authorizedStrength ?? null,
    })),
  });
  const ids = new Map((await db.department.findMany({ select: { id: true, code: true } })).map((d) => [d.code, d.id]));
  const departmentId = (code: string) => {
    const id = ids.get(code);
    if (id === undefined) throw new Error(`dataset: unknown department ${code}`);
    return id;
  };
  await db.officer.createMany({
    data: data.officers.map((o) => ({
      id: o.id,
      departmentId: departmentId(o.department),
      givenName: "Agente",
      familyName: o.id,
      hiredOn: dbDate(o.hiredOn),
      separatedOn: o.separatedOn ? dbDate(o.separatedOn) : null,
    })),
  });
  await db.vettingEvaluation.createMany({
    data: data.vetting.map((v) => ({
      officerId: v.officer,
      evaluatedOn: dbDate(v.evaluatedOn),
      result: v.result,
      validUntil: dbDate(v.validUntil),
    })),
  });
  await db.trainingRecord.createMany({
    data: data.training.map((t) => ({ officerId: t.officer, courseCode: t.course, completedOn: dbDate(t.completedOn), hours: t.hours })),
  });
  await db.complaint.createMany({
    data: data.complaints.map((c) => ({
      ref: c.ref,
      departmentId: departmentId(c.department),
      receivedOn: dbDate(c.receivedOn),
      source: c.source,
      category: c.category,
      status: c.status,
      resolvedOn: c.resolvedOn ? dbDate(c.resolvedOn) : null,
    })),
  });
}

/** "YYYY-MM-DD" n calendar days after (or before, for negative n) the given day. */
export function addDays(ymd: string, n: number): string {
  const date = new Date(`${ymd}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** `count` officers of `department` hired long ago, ids `${prefix}1`…, for building scenarios. */
export function staff(department: string, count: number, prefix: string, hiredOn = "2000-01-01"): Dataset["officers"] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i + 1}`, department, hiredOn }));
}

/** Merges partial datasets (each scenario is built from small pieces). */
export function dataset(...parts: Partial<Dataset>[]): Dataset {
  const all = emptyDataset();
  for (const part of parts) {
    all.departments.push(...(part.departments ?? []));
    all.officers.push(...(part.officers ?? []));
    all.vetting.push(...(part.vetting ?? []));
    all.training.push(...(part.training ?? []));
    all.complaints.push(...(part.complaints ?? []));
  }
  return all;
}
