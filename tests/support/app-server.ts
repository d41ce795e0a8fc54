import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { waitForHttp } from "~/cli/serve-app";
import type { DemoSize } from "~/server/demo/generate";
import { getAuthSecret } from "~/server/auth/secret";
import { DEMO_REFERENCE_DATE } from "~/server/demo/calendar";
import { prepareDemo } from "~/server/demo/prepare-demo";
import { type TestDatabase, createTestDatabase, dropTestDatabase } from "./database";

/**
 * The BUILT app (`next start`, as in production) on a free loopback port, against a fresh test
 * database cloned from the migrated template and filled with the demo data (small size by default:
 * every scenario department, a fifteenth of the rest) as of DEMO_REFERENCE_DATE, the date the
 * documented figures hold at, plus the demo accounts and one evaluation.
 */

export type AppServer = { baseUrl: string; database: TestDatabase; stop: () => Promise<void> };

export type AppServerOptions = {
  /** Demo data size, or false for an empty (migrated) database. */
  seed?: DemoSize | false;
  /** VIGILA_DEMO (default true): demo mode, e.g. the /dev/mail catcher's inbox. */
  demo?: boolean;
  /** VIGILA_DATA_DIR of the app (default: this process's), e.g. a private folder for the caught mail. */
  dataDir?: string;
};

const NEXT_BIN = path.resolve("node_modules/.bin/next");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  if (!existsSync(path.resolve(".next/BUILD_ID"))) {
    throw new Error("The app is not built: run `npm run build` before the browser tests (npm run test:e2e).");
  }
  const database = await createTestDatabase();
  let child: ChildProcess | undefined;
  try {
    if (options.seed !== false) await prepareDemo(database.db, { size: options.seed ?? "small", asOf: DEMO_REFERENCE_DATE });
    const port = await freePort();
    const output: string[] = [];
    child = spawn(NEXT_BIN, ["start", "--hostname", "127.0.0.1", "--port", String(port)], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: database.url,
        VIGILA_DEMO: options.demo === false ? "0" : "1",
        VIGILA_DATA_DIR: options.dataDir ?? path.resolve(process.env.VIGILA_DATA_DIR ?? ".data"),
        // This process's secret, which encrypted the demo accounts' TOTP keys (required outside demo mode).
        AUTH_SECRET: getAuthSecret(),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(`${baseUrl}/login`, child, 60_000).catch((err: unknown) => {
      throw new Error(`${(err as Error).message}\n--- next start output ---\n${output.join("")}`);
    });
    const server = child;
    return {
      baseUrl,
      database,
      stop: async () => {
        await stopChild(server);
        await dropTestDatabase(database);
      },
    };
  } catch (err) {
    if (child) await stopChild(child);
    await dropTestDatabase(database);
    throw err;
  }
}
