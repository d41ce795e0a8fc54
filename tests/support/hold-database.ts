/**
 * A stand-in for any Vigila process (app, worker, CLI command) in the embedded-server tests: it
 * resolves the database exactly like they do, prints where it landed as one JSON line, keeps a
 * connection busy, and leaves when told ("leave" or "leave --force" on stdin), printing the outcome.
 */
import { createInterface } from "node:readline";
import { disconnectDb, getDb } from "../../src/server/db/client";
import { releaseDatabase, resolveDatabase } from "../../src/server/db/connection";

// No migrations: the tests are about the server, and migrating in every holder would only slow them.
const target = await resolveDatabase();
const db = await getDb();
async function leave(force: boolean) {
  await disconnectDb();
  const outcome = await releaseDatabase({ force });
  process.stdout.write(`${JSON.stringify({ event: "left", outcome })}\n`);
  process.exit(0);
}

// Like `vigila demo`/`worker`: SIGINT means leave cleanly (nothing else may exit the process first).
process.on("SIGINT", () => void leave(false));

process.stdout.write(`${JSON.stringify({ event: "ready", pid: target.embedded?.pid, ownedByUs: target.embedded?.ownedByUs })}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  if (line.startsWith("query")) {
    const rows = await db.$queryRaw<{ database: string }[]>`select current_database() as database`;
    process.stdout.write(`${JSON.stringify({ event: "query", database: rows[0]?.database })}\n`);
  } else if (line.startsWith("leave")) {
    await leave(line.includes("--force"));
  }
}
