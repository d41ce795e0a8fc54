import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { failAbandonedBatches } from "~/server/imports/batch-lease";
import { confirmImport } from "~/server/imports/batch-actions";
import { validateBatch, writeBatch } from "~/server/imports/batch-steps";
import { retryImport } from "~/server/imports/batch-actions";
import { DEPARTMENTS_CSV, importCsv } from "../fixtures/imports/support";
import { useTestDatabase } from "../support/database";
import { exited, waitFor } from "../support/worker-process";
import { createUser } from "../support/workflow-fixtures";
import { upload } from "./imports-web-support";

const test = useTestDatabase();
const ROWS = 50_000;
const KILLS = 20;
// Fixed seed: the kill points are random but the run is reproducible.
let seed = 0x5eed_0007;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff;

/** Round `n`'s file: the same 50,000 officers, every given name marked with the round. */
const officersFile = (round: number) =>
  ["officer_id,department_code,given_name,family_name,rank,hired_on,separated_on"]
    .concat(Array.from({ length: ROWS }, (_, i) => `K${String(i).padStart(6, "0")},MICH-MORELIA,R${round},López,,2020-01-01,`))
    .join("\n");

function spawnWriter(url: string, batchId: number, userId: number) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.resolve("tests/integration/imports-crash-child.ts"), String(batchId), String(userId)],
    {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "error" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const started = new Promise<number>((resolve) =>
    child.stdout.on("data", (c: Buffer) => c.toString().includes("writing") && resolve(Date.now())),
  );
  return { child, started };
}

describe("kill -9 of the process writing a 50,000-row import", { timeout: 900_000 }, () => {
  it("leaves every batch fully written or not at all, marked FAILED and retryable", async () => {
    const { db, url } = test.current;
    const analyst = await createUser(db, "IA_ANALYST");
    await importCsv(db, "departments", DEPARTMENTS_CSV);
    /** Uploads round `n`'s file and puts it where confirm leaves it (the write validates again). */
    const confirmedBatch = async (round: number) => {
      const { batchId } = await upload(db, analyst, "officers", `officers-${round}.csv`, officersFile(round), 1 << 20);
      await db.importBatch.update({ where: { id: batchId }, data: { status: "WRITING", rowsTotal: ROWS } });
      return batchId;
    };
    /** The invariant: every officer carries the names of exactly one round, and that round's batch completed. */
    const committedRound = async () => {
      const rounds = await db.officer.groupBy({ by: ["givenName"], _count: true });
      expect(rounds.length).toBeLessThanOrEqual(1);
      if (rounds.length === 0) return null;
      expect(rounds[0]!._count).toBe(ROWS);
      expect(await db.officerAssignment.count()).toBe(ROWS);
      return Number(rounds[0]!.givenName.slice(1));
    };

    // Round 0 runs to the end: it proves the child writes, and times a write for the kill points.
    const calibration = await confirmedBatch(0);
    const first = spawnWriter(url, calibration, analyst.userId);
    const t0 = await first.started;
    expect(await exited(first.child)).toBe(0);
    const writeMs = Date.now() - t0;
    expect(await committedRound()).toBe(0);

    let lastCommitted = 0;
    const outcomes: string[] = [];
    for (let round = 1; round <= KILLS; round++) {
      const batchId = await confirmedBatch(round);
      const { child, started } = spawnWriter(url, batchId, analyst.userId);
      await started;
      await new Promise((r) => setTimeout(r, Math.floor(random() * writeMs * 1.1)));
      child.kill("SIGKILL");
      await exited(child);
      // "Restart": the next look at the history marks the dead process's batch FAILED.
      await waitFor(
        async () => {
          await failAbandonedBatches(db, 0);
          const { status } = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
          return status === "FAILED" || status === "COMPLETED";
        },
        60_000,
        `batch ${batchId} to settle`,
      );
      const batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId }, include: { _count: { select: { changes: true } } } });
      const committed = await committedRound();
      if (batch.status === "COMPLETED") {
        expect([committed, batch._count.changes, batch.updated]).toEqual([round, ROWS, ROWS]);
        lastCommitted = round;
      } else {
        expect([committed, batch._count.changes]).toEqual([lastCommitted, 0]);
      }
      outcomes.push(batch.status);
    }
    console.info(`kill -9 outcomes (write ≈ ${writeMs} ms): ${outcomes.join(" ")}`);
    expect(outcomes).toContain("FAILED");

    // A failed batch is retried from its stored file and completes.
    const failed = await db.importBatch.findFirstOrThrow({ where: { status: "FAILED", kind: "officers" }, orderBy: { id: "desc" } });
    const retried = await retryImport(db, { userId: analyst.userId }, failed.id);
    await validateBatch(db, { userId: analyst.userId }, retried);
    await confirmImport(db, { userId: analyst.userId }, retried);
    await writeBatch(db, { userId: analyst.userId }, retried);
    expect((await db.importBatch.findUniqueOrThrow({ where: { id: retried } })).status).toBe("COMPLETED");
    expect(await committedRound()).toBe(Number(failed.fileName.match(/officers-(\d+)/)![1]));
  });
});
