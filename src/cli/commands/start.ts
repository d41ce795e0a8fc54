import { env } from "../../env";
import { prepareDatabase } from "../../server/db/prepare";
import { sweepAbandonedBatchesOnce } from "../../server/imports/abandoned-sweep";
import { appIsBuilt } from "../app-build";
import { type Command, EXIT, UsageError } from "../command";
import { serveApp } from "../serve-app";

/**
 * Why this public origin is not fit for production, or null. Over plain http the session cookie cannot
 * be `Secure` nor `__Host-` prefixed and travels readable; without `AUTH_URL` the app trusts the
 * request's Host header. A closed network may accept that knowingly: `--allow-insecure-http`.
 */
export function insecureOriginProblem(authUrl: string | undefined, allowInsecureHttp: boolean): string | null {
  if (allowInsecureHttp) return null;
  if (!authUrl) return "AUTH_URL must be set to the public https:// origin (e.g. https://vigila.example.gob.mx).";
  if (new URL(authUrl).protocol !== "https:")
    return `AUTH_URL is ${authUrl}: over plain http session cookies are neither Secure nor __Host- prefixed. Use https://, or pass --allow-insecure-http on a closed network.`;
  return null;
}

export const start: Command = {
  name: "start",
  summary: "Production start: apply migrations, then serve the built app and run the worker (no seeding)",
  usage: "vigila start [--port N] [--allow-insecure-http]",
  options: { port: { type: "string" }, "allow-insecure-http": { type: "boolean" } },
  run: async ({ values }) => {
    const port = values.port === undefined ? env.PORT : Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be 1–65535, not '${String(values.port)}'.`);
    const originProblem = env.VIGILA_DEMO === "1" ? null : insecureOriginProblem(env.AUTH_URL, values["allow-insecure-http"] === true);
    if (originProblem) {
      process.stderr.write(`${originProblem}\n`);
      return EXIT.REJECTED;
    }
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
