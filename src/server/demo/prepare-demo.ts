import type { Db } from "../db/client";
import { runEvaluation } from "../evaluations/run-evaluation";
import { log } from "../log";
import { ensureDemoUsers } from "../users/demo-users";
import { DEMO_REFERENCE_DATE } from "./calendar";
import type { DemoSize } from "./generate";
import { type SeedSummary, seedDemoData } from "./seed";

export type DemoPreparation = { seed: SeedSummary; usersCreated: string[]; evaluationRunId: number | null };

/**
 * Everything the demo needs, each step idempotent so every `npm run demo` can call it: the data
 * (only into an empty database), the demo accounts, and one persisted evaluation at the reference
 * date so the dashboard opens with levels (only while no evaluation has ever been stored).
 */
export async function prepareDemo(db: Db, options: { size?: DemoSize } = {}): Promise<DemoPreparation> {
  const seed = await seedDemoData(db, options);
  const { created } = await ensureDemoUsers(db);
  let evaluationRunId: number | null = null;
  if ((await db.evaluationRun.count({ where: { status: "SUCCEEDED" } })) === 0) {
    const started = Date.now();
    const outcome = await runEvaluation(db, { asOf: DEMO_REFERENCE_DATE, trigger: "CLI", actor: { userId: null } });
    evaluationRunId = outcome.runId;
    log.info(`Evaluated the demo departments at ${DEMO_REFERENCE_DATE} in ${((Date.now() - started) / 1000).toFixed(1)} s`, outcome.levels);
  }
  return { seed, usersCreated: created, evaluationRunId };
}
