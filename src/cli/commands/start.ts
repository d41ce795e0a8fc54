import { env } from "../../env";
import { prepareDatabase } from "../../server/db/prepare";
import { sweepAbandonedBatchesOnce } from "../../server/imports/abandoned-sweep";
import { appIsBuilt } from "../app-build";
import { type Command, EXIT, UsageError } from "../command";
import { serveApp } from "../serve-app";

export const start: Command = {
  name: "start",
  summary: "Production start: apply migrations, then serve the built app and run the worker (no seeding)",
  usage: "vigila start [--port N]",
  options: { port: { type: "string" } },
  run: async ({ values }) => {
    const port = values.port === undefined ? env.PORT : Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be 1–65535, not '${String(values.port)}'.`);
    if (!env.AUTH_SECRET && env.VIGILA_DEMO !== "1") {
      process.stderr.write("AUTH_SECRET must be set (at least 32 characters, e.g. `openssl rand -base64 48`); see .env.example.\n");
      return EXIT.REJECTED;
    }
    if (!appIsBuilt()) {
      process.stderr.write("The app is not built: run `npm run build` first.\n");
      return EXIT.REJECTED;
    }
    // Import batches a killed server left running show as failed from the start (the worker keeps checking).
    await sweepAbandonedBatchesOnce(await prepareDatabase());
    return serveApp({
      host: env.HOST,
      port,
      demo: env.VIGILA_DEMO === "1",
      onReady: (url) => process.stdout.write(`Vigila is serving ${url} (Ctrl-C to stop)\n`),
    });
  },
};
