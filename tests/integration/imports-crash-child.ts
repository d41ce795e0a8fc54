/**
 * A stand-in for the app server writing one confirmed import batch, run as a child process by
 * imports-crash.test.ts so that it can be killed with SIGKILL at any point of the write.
 * Usage: DATABASE_URL=… node --import tsx imports-crash-child.ts <batchId> <userId>
 */
import { createDb } from "~/server/db/client";
import { writeBatch } from "~/server/imports/batch-steps";

const [batchId, userId] = process.argv.slice(2).map(Number) as [number, number];
const db = createDb(process.env.DATABASE_URL!, { max: 3 });
process.stdout.write("writing\n");
await writeBatch(db, { userId }, batchId);
process.stdout.write("done\n");
await db.$disconnect();
