import { env } from "../../env";
import { ensureEmbeddedServer, otherClientCount, stopEmbeddedServer } from "./embedded";

/**
 * Where the database is: `DATABASE_URL` when set, otherwise the embedded server in
 * `VIGILA_DATA_DIR` (started or attached on first use). Resolved once per process.
 */
export type DatabaseTarget = { url: string; embedded: { pid: number; ownedByUs: boolean; adminUrl: string } | null };

let target: Promise<DatabaseTarget> | undefined;

export function resolveDatabase(): Promise<DatabaseTarget> {
  target ??= (async () => {
    const configured = process.env.DATABASE_URL ?? env.DATABASE_URL;
    if (configured) return { url: configured, embedded: null };
    const server = await ensureEmbeddedServer(process.env.VIGILA_DATA_DIR ?? env.VIGILA_DATA_DIR);
    const admin = server.url("postgres");
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      const exists = await client.query("select 1 from pg_database where datname = 'vigila'");
      if (exists.rowCount === 0) await client.query("create database vigila").catch((err: { code?: string }) => {
        if (err.code !== "42P04") throw err; // created concurrently by another process
      });
    } finally {
      await client.end();
    }
    return { url: server.url("vigila"), embedded: { pid: server.pid, ownedByUs: server.ownedByUs, adminUrl: admin } };
  })();
  return target;
}

/** Stops the embedded server if this process started it and nobody else is using it. */
export async function releaseDatabase(options: { force?: boolean } = {}) {
  if (!target) return;
  const resolved = await target.catch(() => null);
  if (!resolved?.embedded?.ownedByUs) return;
  const others = await otherClientCount(resolved.embedded.adminUrl).catch(() => 0);
  if (others > 0 && !options.force) return;
  await stopEmbeddedServer(resolved.embedded.pid);
}
