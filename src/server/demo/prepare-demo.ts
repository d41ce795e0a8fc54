import type { Db } from "../db/client";
import { runEvaluation } from "../evaluations/run-evaluation";
import { log } from "../log";
import { ensureDemoUsers } from "../users/demo-users";
import { demoAsOf } from "./calendar";
import { type LifecycleSummary, writeDemoLifecycle } from "./lifecycle";
import { type DemoSeedOptions, type SeedSummary, seedDemoData } from "./seed";

export type DemoPreparation = {
  seed: SeedSummary;
  /** The demo's as-of date: the stored data's, or today in Mexico City for data not seeded by the demo. */
  asOf: string;
  usersCreated: string[];
  evaluationRunId: number | null;
  /** The oversight history written now (see lifecycle.ts), or null when it exists or cannot be written. */
  lifecycle: LifecycleSummary | null;
};

/**
 * Everything the demo needs, each step idempotent so every `npm run demo` can call it: the data
 * (only into an empty database, as of `options.asOf`, default today in Mexico City), the demo
 * accounts, one persisted evaluation at the data's as-of date so the dashboard opens with levels
 * (only while no evaluation has ever been stored), and the oversight history on top of it (once).
 */
export async function prepareDemo(db: Db, options: DemoSeedOptions = {}): Promise<DemoPreparation> {
  const seed = await seedDemoData(db, options);
  const { created } = await ensureDemoUsers(db);
  const asOf = seed.referenceDate ?? demoAsOf(undefined);
  let evaluationRunId: number | null = null;
  if ((await db.evaluationRun.count({ where: { status: "SUCCEEDED" } })) === 0) {
    const started = Date.now();
    const outcome = await runEvaluation(db, { asOf, trigger: "CLI", actor: { userId: null } });
    evaluationRunId = outcome.runId;
    log.info(`Evaluated the demo departments at ${asOf} in ${((Date.now() - started) / 1000).toFixed(1)} s`, outcome.levels);
  }
  // The history builds on the recommendations of the demo's own data and evaluation.
  const lifecycle = seed.referenceDate === null ? null : await writeDemoLifecycle(db, asOf);
  return { seed, asOf, usersCreated: created, evaluationRunId, lifecycle };
}
