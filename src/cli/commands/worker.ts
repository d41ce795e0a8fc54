import { prepareDatabase } from "../../server/db/prepare";
import { IMPORT_SWEEP_EVERY_MS, sweepAbandonedBatches } from "../../server/imports/abandoned-sweep";
import { HEARTBEAT_EVERY_MS, writeHeartbeat } from "../../server/health/readiness";
import { startWorker } from "../../server/jobs/worker";
import { log } from "../../server/log";
import { type Command, EXIT, UsageError, stringOption } from "../command";

export const workerCommand: Command = {
  name: "worker",
  summary:
    "Run background jobs: alerts every minute, the daily evaluation at 02:00 (Mexico City), the email sender, abandoned imports marked failed",
  usage: "vigila worker [--sender-only] [--import-sweep-seconds N]",
  options: { "sender-only": { type: "boolean" }, "import-sweep-seconds": { type: "string" } },
  run: async ({ values }) => {
    const sweepSeconds = Number(stringOption(values, "import-sweep-seconds") ?? IMPORT_SWEEP_EVERY_MS / 1000);
    if (!(sweepSeconds > 0)) throw new UsageError("--import-sweep-seconds must be a positive number");
    const db = await prepareDatabase();
    // Abandoned import batches: at start, then periodically (see abandoned-sweep.ts).
    const sweeper = sweepAbandonedBatches(db, sweepSeconds * 1000);
    const worker = await startWorker({ db, schedules: values["sender-only"] !== true });
    // The beat /api/health/ready reports: written at start, then every HEARTBEAT_EVERY_MS.
    const beat = () => writeHeartbeat(db).catch((err: unknown) => log.warn("worker heartbeat not written", { error: String(err) }));
    await beat();
    const heartbeat = setInterval(() => void beat(), HEARTBEAT_EVERY_MS);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    log.info("Worker stopping");
    clearInterval(heartbeat);
    await sweeper.stop();
    await worker.stop();
    return EXIT.OK;
  },
};
