import { runEvaluation } from "../evaluations/run-evaluation";
import type { RunEvaluation } from "./daily-evaluation";

/** The rules module's persisted evaluation, as the schedule runs it: no human actor, trigger SCHEDULE. */
export const scheduledEvaluation: RunEvaluation = async (db, asOf) => {
  const outcome = await runEvaluation(db, { asOf, trigger: "SCHEDULE", actor: { userId: null } });
  return { runId: outcome.runId };
};
