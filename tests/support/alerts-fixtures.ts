import type { Level, Role } from "~/generated/prisma/enums";
import type { Db } from "~/server/db/client";

/** Builders for the alert and outbox tests: users, departments, officers, runs, complaints. */

let serial = 0;
const next = () => `${process.pid}a${++serial}`;
export const day = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

export async function alertUser(
  db: Db,
  role: Role,
  options: { stateCode?: string | null; locale?: string; timeZone?: string; email?: string } = {},
) {
  const n = next();
  return db.user.create({
    data: {
      email: options.email ?? `alert${n}@vigila.test`,
      name: `${role} ${n}`,
      passwordHash: "x",
      totpSecret: "x",
      role,
      stateCode: options.stateCode ?? null,
      locale: options.locale ?? "es",
      timeZone: options.timeZone ?? "America/Mexico_City",
    },
  });
}

export async function alertDepartment(db: Db, stateCode: string, name?: string) {
  const n = next();
  return db.department.create({
    data: { code: `MX-${stateCode}-A${n}-MUN`, name: name ?? `Policía municipal ${n}`, kind: "MUNICIPAL", stateCode },
  });
}

export async function officer(db: Db, departmentId: number, options: { hiredOn?: string; separatedOn?: string | null } = {}) {
  const n = next();
  return db.officer.create({
    data: {
      id: `CUIP${n}`,
      departmentId,
      givenName: "Elemento",
      familyName: n,
      hiredOn: day(options.hiredOn ?? "2015-01-01"),
      separatedOn: options.separatedOn ? day(options.separatedOn) : null,
    },
  });
}

export async function vetting(
  db: Db,
  officerId: string,
  evaluatedOn: string,
  result: "APPROVED" | "NOT_APPROVED" | "PENDING",
  validUntil: string,
) {
  return db.vettingEvaluation.create({ data: { officerId, evaluatedOn: day(evaluatedOn), result, validUntil: day(validUntil) } });
}

export async function complaint(
  db: Db,
  departmentId: number,
  input: { receivedOn: string; category?: string; status?: string; resolvedOn?: string | null; summary?: string },
) {
  const n = next();
  return db.complaint.create({
    data: {
      ref: `Q-${n}`,
      departmentId,
      receivedOn: day(input.receivedOn),
      source: "CITIZEN",
      category: (input.category ?? "OTHER") as "OTHER",
      status: (input.status ?? "RECEIVED") as "RECEIVED",
      resolvedOn: input.resolvedOn ? day(input.resolvedOn) : null,
      summary: input.summary ?? null,
    },
  });
}

/** A finished evaluation run with one result per department (rules figures are not read by alerts). */
export async function evaluationRun(
  db: Db,
  asOf: string,
  results: { departmentId: number; level: Level }[],
  options: { trigger?: "CLI" | "SCHEDULE" | "MANUAL" | "BACKTEST"; finishedAt?: Date; status?: "SUCCEEDED" | "FAILED" } = {},
) {
  const version = await db.ruleSetVersion.findFirstOrThrow({ where: { status: "PUBLISHED" }, orderBy: { id: "asc" } });
  return db.evaluationRun.create({
    data: {
      ruleSetVersionId: version.id,
      asOf: day(asOf),
      trigger: options.trigger ?? "SCHEDULE",
      status: options.status ?? "SUCCEEDED",
      finishedAt: options.finishedAt ?? new Date(),
      results: { create: results.map((r) => ({ departmentId: r.departmentId, level: r.level, insufficientData: false, rules: [] })) },
    },
    include: { results: true },
  });
}

/** Only the given subscriptions, replacing the user's role defaults. */
export async function subscribe(
  db: Db,
  userId: number,
  subs: {
    trigger: string;
    frequency: "IMMEDIATE" | "DAILY" | "WEEKLY";
    stateCodes?: string[];
    departmentIds?: number[];
    deliveryHour?: number;
  }[],
) {
  await db.alertSubscription.deleteMany({ where: { userId } });
  await db.alertSubscription.createMany({
    data: subs.map((s) => ({
      userId,
      trigger: s.trigger as "LEVEL_ROSE",
      frequency: s.frequency,
      stateCodes: s.stateCodes ?? [],
      departmentIds: s.departmentIds ?? [],
      deliveryHour: s.deliveryHour ?? 7,
    })),
  });
}
