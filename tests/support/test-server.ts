import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { ensureEmbeddedServer } from "~/server/db/embedded";

/**
 * The PostgreSQL server tests run against: `DATABASE_URL`'s server when set (CI runs the suite a
 * second time against Debian's PostgreSQL), otherwise an embedded server in `.data/test`.
 * Returns a URL for any database name on that server.
 */
export async function testServer(): Promise<(database: string) => string> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    return (database) => {
      const url = new URL(configured);
      url.pathname = `/${database}`;
      return url.toString();
    };
  }
  const server = await ensureEmbeddedServer(process.env.VIGILA_TEST_DATA_DIR ?? path.resolve(".data/test"));
  return server.url;
}

/** Template name changes whenever a migration changes, so a stale template is never reused. */
export async function templateName(): Promise<string> {
  const dir = path.resolve("prisma/migrations");
  const hash = createHash("sha256");
  for (const name of (await readdir(dir)).sort()) {
    if (name.endsWith(".toml")) continue;
    hash.update(name);
    hash.update(await readFile(path.join(dir, name, "migration.sql")));
  }
  return `vigila_tpl_${hash.digest("hex").slice(0, 12)}`;
}
