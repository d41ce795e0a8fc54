import { env } from "../../env";
import { prepareDatabase } from "../../server/db/prepare";
import { prepareDemo } from "../../server/demo/prepare-demo";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from "../../server/users/demo-users";
import { appBuildIsCurrent, buildApp } from "../app-build";
import { type Command, UsageError } from "../command";
import { serveApp } from "../serve-app";

function banner(url: string) {
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  const accounts = DEMO_USERS.map((u) => `    ${u.email.padEnd(width)}  ${u.role}${u.stateCode ? ` (state ${u.stateCode})` : ""}`);
  return [
    "",
    `Vigila demo: ${url}`,
    "",
    `  Demo accounts (password ${DEMO_PASSWORD}, TOTP secret ${DEMO_TOTP_SECRET} in any authenticator app):`,
    ...accounts,
    "",
    "  Synthetic data as of 2026-11-28. Press Ctrl-C to stop.",
    "",
  ].join("\n");
}

export const demo: Command = {
  name: "demo",
  summary: "Build if needed, start the embedded database, seed the demo data and serve the app on http://localhost:3000",
  usage: "vigila demo [--port N]",
  options: { port: { type: "string" } },
  run: async ({ values }) => {
    const port = values.port === undefined ? env.PORT : Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be 1–65535, not '${String(values.port)}'.`);
    // Build and seed at the same time: one is mostly CPU in Node, the other mostly PostgreSQL.
    await Promise.all([
      appBuildIsCurrent().then((current) => (current ? undefined : buildApp())),
      prepareDatabase().then((db) => prepareDemo(db)),
    ]);
    return serveApp({ host: env.HOST, port, demo: true, onReady: (url) => process.stdout.write(banner(url)) });
  },
};
