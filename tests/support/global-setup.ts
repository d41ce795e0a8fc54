import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "~/server/db/migrate";
import { templateName, testServer } from "./test-server";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

const TEMPLATE_LOCK_KEY = 7_411_003;

function pidIsAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Migrates one template database per migration set; each test file then clones it
 * (CREATE DATABASE … TEMPLATE), which takes well under a second and isolates files completely.
 */
export default async function setup(project: TestProject) {
  const urlFor = await testServer();
  const template = await templateName();
  const admin = new pg.Client({ connectionString: urlFor("postgres") });
  await admin.connect();
  try {
    await admin.query("select pg_advisory_lock($1)", [TEMPLATE_LOCK_KEY]);
    // Databases left behind by test processes that died.
    const stale = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'vigila_t\\_%'");
    for (const { datname } of stale.rows) {
      const pid = Number(datname.split("_")[2]);
      if (!pidIsAlive(pid)) await admin.query(`drop database if exists "${datname}" with (force)`);
    }
    const exists = await admin.query("select 1 from pg_database where datname = $1", [template]);
    if (exists.rowCount === 0) {
      const building = `${template}_build`;
      await admin.query(`drop database if exists "${building}" with (force)`);
      await admin.query(`create database "${building}"`);
      await applyMigrations(urlFor(building));
      await admin.query(`alter database "${building}" rename to "${template}"`);
    }
  } finally {
    await admin.query("select pg_advisory_unlock($1)", [TEMPLATE_LOCK_KEY]).catch(() => undefined);
    await admin.end();
  }
  project.provide("templateDatabase", template);
}
