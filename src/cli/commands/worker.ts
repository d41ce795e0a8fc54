import { prepareDatabase } from "../../server/db/prepare";
import { startWorker } from "../../server/jobs/worker";
import { log } from "../../server/log";
import { type Command, EXIT } from "../command";

export const workerCommand: Command = {
  name: "worker",
  summary: "Run background jobs: alerts every minute, the daily evaluation at 02:00 (Mexico City), the email sender",
  usage: "vigila worker [--sender-only]",
  options: { "sender-only": { type: "boolean" } },
  run: async ({ values }) => {
    const db = await prepareDatabase();
    const worker = await startWorker({ db, schedules: values["sender-only"] !== true });
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    log.info("Worker stopping");
    await worker.stop();
    return EXIT.OK;
  },
};
