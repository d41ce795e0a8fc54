import { recordAudit } from "../audit/record";
import { refreshDashboardFigures } from "../dashboard/refresh";
import type { Db } from "../db/client";
import { log } from "../log";
import { demoAsOf } from "./calendar";
import { type DemoSize, generateDemoData } from "./generate";
import { writeDemoRows } from "./write";

// Two seeders started together (e.g. `npm run demo` twice) must not both write: they queue here.
const SEED_LOCK_KEY = 7_411_004;

export type DemoSeedOptions = {
  size?: DemoSize;
  /** The demo's "today", YYYY-MM-DD; default today in Mexico City (see `demoAsOf`). */
  asOf?: string;
};

export type SeedSummary = {
  seeded: boolean;
  /** The as-of date the data was generated at; null when the departments did not come from the demo seed. */
  referenceDate: string | null;
  departments: number;
  officers: number;
  trainingRecords: number;
  vettingEvaluations: number;
  complaints: number;
};

/**
 * Fills an empty database with the synthetic demo data, in one transaction; does nothing (and
 * says so) when any department exists, so it is safe to run on every `npm run demo`.
 */
export async function seedDemoData(db: Db, options: DemoSeedOptions = {}): Promise<SeedSummary> {
  const asOf = demoAsOf(options.asOf);
  if ((await db.department.count()) > 0) return existingData(db);
  const [states, municipalities] = await Promise.all([
    db.state.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true, population2020: true } }),
    db.municipality.findMany({
      orderBy: [{ stateCode: "asc" }, { code: "asc" }],
      select: { stateCode: true, code: true, name: true, population2020: true },
    }),
  ]);
  const started = Date.now();
  const { rows, referenceDate } = generateDemoData(states, municipalities, options.size ?? "full", asOf);
  const summary: SeedSummary = {
    seeded: true,
    referenceDate,
    departments: rows.departments.length,
    officers: rows.officers.length,
    trainingRecords: rows.training.length,
    vettingEvaluations: rows.vetting.length,
    complaints: rows.complaints.length,
  };
  const seeded = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      if ((await tx.department.count()) > 0) return false;
      await writeDemoRows(tx, rows);
      await recordAudit(tx, { actor: { userId: null }, action: "demo.seed", metadata: { ...summary, size: options.size ?? "full" } });
      return true;
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  if (!seeded) return existingData(db);
  log.info(`Seeded the demo data in ${((Date.now() - started) / 1000).toFixed(1)} s`, summary);
  await refreshDashboardFigures(db);
  return summary;
}

async function existingData(db: Db): Promise<SeedSummary> {
  const [departments, officers, trainingRecords, vettingEvaluations, complaints] = await Promise.all([
    db.department.count(),
    db.officer.count(),
    db.trainingRecord.count(),
    db.vettingEvaluation.count(),
    db.complaint.count(),
  ]);
  return { seeded: false, referenceDate: await seededAsOf(db), departments, officers, trainingRecords, vettingEvaluations, complaints };
}

/** The as-of date the existing demo was generated at, as its `demo.seed` audit row recorded it. */
export async function seededAsOf(db: Db): Promise<string | null> {
  const event = await db.auditEvent.findFirst({ where: { action: "demo.seed" }, orderBy: { id: "asc" }, select: { metadata: true } });
  const metadata = event?.metadata as { referenceDate?: unknown } | null | undefined;
  return typeof metadata?.referenceDate === "string" ? metadata.referenceDate : null;
}
