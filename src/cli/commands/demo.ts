import { env } from "../../env";
import { releaseDatabase } from "../../server/db/connection";
import { prepareDatabase } from "../../server/db/prepare";
import { prepareDemo } from "../../server/demo/prepare-demo";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from "../../server/users/demo-users";
import { appBuildIsCurrent, buildApp } from "../app-build";
import { type Command, UsageError } from "../command";
import { serveApp } from "../serve-app";
import { demoAsOfOption } from "./seed";

function banner(url: string, asOf: string) {
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  const accounts = DEMO_USERS.map((u) => `    ${u.email.padEnd(width)}  ${u.role}${u.stateCode ? ` (state ${u.stateCode})` : ""}`);
  return [
    "",
    `Vigila demo: ${url}`,
    "",
    `  Demo accounts (password ${DEMO_PASSWORD}, TOTP secret ${DEMO_TOTP_SECRET} in any authenticator app):`,
    ...accounts,
    "",
    `  Synthetic data as of ${asOf}. Press Ctrl-C to stop.`,
    "",
  ].join("\n");
}

export const demo: Command = {
  name: "demo",
  summary: "Build if needed, start the embedded database, seed the demo data and serve the app on http://localhost:3000",
  usage:
    "vigila demo [--port N] [--as-of YYYY-MM-DD]\n" +
    "  --as-of  the demo's 'today' when it is first seeded (default: today in America/Mexico_City); ignored once seeded",
  options: { port: { type: "string" }, "as-of": { type: "string" } },
  run: async ({ values }) => {
    const port = values.port === undefined ? env.PORT : Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be 1–65535, not '${String(values.port)}'.`);
    const asOf = demoAsOfOption(values);
    // Ctrl-C while building or seeding: stop the build, then the database (its fast shutdown rolls
    // the unfinished seed back, so the next run seeds again), instead of leaving the server running.
    const abort = new AbortController();
    const interrupted = () => {
      if (abort.signal.aborted) return; // the same Ctrl-C again, relayed by the tsx launcher
      abort.abort();
      void releaseDatabase({ force: true }).finally(() => process.exit(130)); // 128 + SIGINT, as shells report it
    };
    process.on("SIGINT", interrupted);
    process.on("SIGTERM", interrupted);
    // Build and seed at the same time: one is mostly CPU in Node, the other mostly PostgreSQL.
    const [, prepared] = await Promise.all([
      appBuildIsCurrent().then((current) => (current ? undefined : buildApp(abort.signal))),
      prepareDatabase().then((db) => prepareDemo(db, { asOf })),
    ]);
    process.removeListener("SIGINT", interrupted);
    process.removeListener("SIGTERM", interrupted);
    return serveApp({ host: env.HOST, port, demo: true, onReady: (url) => process.stdout.write(banner(url, prepared.asOf)) });
  },
};
