import type { Db } from "../db/client";
import { log } from "../log";
import { failAbandonedBatches } from "./batch-lease";

/*
 * A batch left UPLOADING / VALIDATING / WRITING by a killed process is marked FAILED (retryable)
 * when the server or a worker starts, and by every worker once a minute, not only when someone next
 * reads the import history. `failAbandonedBatches` never touches a batch whose lease is held, so a
 * batch being worked on by a live process of any instance is left alone.
 */
export const IMPORT_SWEEP_EVERY_MS = 60_000;

async function sweepOnce(db: Db) {
  try {
    await failAbandonedBatches(db);
  } catch (err) {
    log.warn("abandoned import batches not checked", { error: (err as Error).message });
  }
}

/** Sweeps now, then every `everyMs` until `stop` (which waits for a sweep in progress). */
export function sweepAbandonedBatches(db: Db, everyMs = IMPORT_SWEEP_EVERY_MS): { stop(): Promise<void> } {
  let running = sweepOnce(db);
  const timer = setInterval(() => {
    running = running.then(() => sweepOnce(db));
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** One sweep at server start-up. */
export const sweepAbandonedBatchesOnce = sweepOnce;
