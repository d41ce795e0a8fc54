import pg from "pg";

// Any fixed number; the same in every process that creates pg-boss queues.
export const QUEUE_SETUP_LOCK_KEY = 7_411_006;

/** Creating pg-boss queues concurrently deadlocks (it creates tables): whoever creates queues takes turns. */
export async function withQueueSetupLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query("select pg_advisory_lock($1)", [QUEUE_SETUP_LOCK_KEY]);
    return await fn();
  } finally {
    await lock.end();
  }
}
