import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ImportStatus } from "~/generated/prisma/enums";
import { useTestDatabase } from "../support/database";
import { exited, spawnVigila, waitFor } from "../support/worker-process";

const test = useTestDatabase();
const LONG_AGO = new Date(Date.now() - 3_600_000);

describe("abandoned import batches, checked by the worker process", { timeout: 180_000 }, () => {
  it("are marked FAILED at worker start and periodically, never while another live process holds the lease", async () => {
    const { db, url } = test.current;
    /** A batch some process put in `status` and last touched an hour ago. */
    const batch = async (status: ImportStatus, fileName: string) =>
      (
        await db.importBatch.create({
          data: { kind: "officers", fileName, fileSha256: "0".repeat(64), fileSize: 1, status, heartbeatAt: LONG_AGO },
        })
      ).id;
    const status = async (id: number) => (await db.importBatch.findUniqueOrThrow({ where: { id } })).status;

    const abandoned = await batch("WRITING", "killed-writer.csv");
    const leased = await batch("WRITING", "live-writer.csv");
    const holder = spawn(
      process.execPath,
      ["--import", "tsx", path.resolve("tests/integration/imports-lease-holder-child.ts"), String(leased)],
      {
        env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "error" },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const worker = spawnVigila(["worker", "--sender-only", "--import-sweep-seconds", "1"], { DATABASE_URL: url });
    try {
      await new Promise<void>((resolve) => holder.stdout.on("data", (c: Buffer) => c.toString().includes("held") && resolve()));
      // At start: the abandoned batch fails; the one whose lease a live process holds does not.
      await waitFor(async () => (await status(abandoned)) === "FAILED", 90_000, "the abandoned batch to be marked FAILED", 100);
      expect(await status(leased)).toBe("WRITING");

      // Periodically: a batch abandoned after the worker started, and the live one once its process dies.
      const later = await batch("VALIDATING", "killed-validator.csv");
      await waitFor(async () => (await status(later)) === "FAILED", 30_000, "the later batch to be marked FAILED", 100);
      expect(await status(leased)).toBe("WRITING");
      holder.kill("SIGKILL");
      await exited(holder);
      await waitFor(async () => (await status(leased)) === "FAILED", 30_000, "the formerly leased batch to be marked FAILED", 100);

      const failed = await db.importBatch.findMany({ where: { id: { in: [abandoned, leased, later] } }, orderBy: { id: "asc" } });
      expect(failed.map((b) => [b.status, b.failureReason?.includes("Retry it"), b.finishedAt !== null])).toEqual(
        Array(3).fill(["FAILED", true, true]),
      );
      const audited = await db.auditEvent.findMany({
        where: { action: "import.failed", targetType: "ImportBatch" },
        select: { targetId: true },
      });
      expect(audited.map((a) => Number(a.targetId)).sort((a, b) => a - b)).toEqual([abandoned, leased, later]);
    } finally {
      holder.kill("SIGKILL");
      worker.kill("SIGTERM");
    }
    expect(await exited(worker), worker.output.join("")).toBe(0);
  });
});
