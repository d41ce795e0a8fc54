/**
 * A live process of another instance working on an import batch: it holds the batch's lease (in an
 * open transaction) until killed. Used by imports-abandoned-sweep.test.ts.
 * Usage: DATABASE_URL=… node --import tsx imports-lease-holder-child.ts <batchId>
 */
import { createDb } from "~/server/db/client";
import { holdBatchLease } from "~/server/imports/batch-lease";

const batchId = Number(process.argv[2]);
const db = createDb(process.env.DATABASE_URL!, { max: 1 });
await db.$transaction(
  async (tx) => {
    await holdBatchLease(tx, batchId);
    process.stdout.write("held\n");
    await new Promise(() => undefined); // until killed
  },
  { timeout: 3_600_000 },
);
