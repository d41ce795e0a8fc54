import { liveEnv } from "../../env";
import { type EmbeddedServer, ensureEmbeddedServer } from "./embedded";
import { type LeaveOutcome, type Presence, joinEmbeddedServer } from "./presence";

/**
 * Where the database is: `DATABASE_URL` when set, otherwise the embedded server in
 * `VIGILA_DATA_DIR` (started or attached on first use). Resolved once per process.
 */
export type DatabaseTarget = { url: string; embedded: { pid: number; ownedByUs: boolean; adminUrl: string; dataDir: string } | null };

let target: Promise<DatabaseTarget> | undefined;
let presence: Presence | undefined;

const JOIN_ATTEMPTS = 5;

/** Starts or attaches, then registers as a user; retries when the server was being stopped meanwhile. */
async function useEmbeddedServer(dataDir: string): Promise<EmbeddedServer> {
  for (let attempt = 1; ; attempt++) {
    const server = await ensureEmbeddedServer(dataDir);
    try {
      presence = await joinEmbeddedServer(server);
      return server;
    } catch (err) {
      if (attempt >= JOIN_ATTEMPTS) throw err;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function ensureVigilaDatabase(adminUrl: string) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("select 1 from pg_database where datname = 'vigila'");
    if (exists.rowCount === 0)
      await client.query("create database vigila").catch((err: unknown) => {
        // Created concurrently by another process: 42P04, or 23505 when both inserted the catalog row at once.
        const code = (err as { code?: string }).code;
        if (code !== "42P04" && code !== "23505") throw err;
      });
  } finally {
    await client.end();
  }
}

export function resolveDatabase(): Promise<DatabaseTarget> {
  target ??= (async () => {
    const configured = liveEnv.databaseUrl();
    if (configured) return { url: configured, embedded: null };
    const dataDir = liveEnv.dataDir();
    const server = await useEmbeddedServer(dataDir);
    const adminUrl = server.url("postgres");
    await ensureVigilaDatabase(adminUrl);
    return { url: server.url("vigila"), embedded: { pid: server.pid, ownedByUs: server.ownedByUs, adminUrl, dataDir } };
  })();
  return target;
}

/**
 * Leaves the embedded server; the last Vigila process to leave stops it. Close this process's own
 * database clients first (`disconnectDb()`). Without `force`, other clients (psql, a child app
 * server still closing) keep it running; with `force` they do not, but other Vigila processes
 * (web app, worker, a CLI command) always do.
 */
export async function releaseDatabase(options: { force?: boolean } = {}): Promise<LeaveOutcome | "external"> {
  if (!target) return "external";
  const resolved = await target.catch(() => null);
  if (!resolved?.embedded || !presence) return "external";
  return presence.leave(options);
}
