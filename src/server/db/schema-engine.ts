import { liveEnv } from "../../env";
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { type SqlMigrationAwareDriverAdapterFactory, bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

/**
 * Prisma's schema engine compiled to WebAssembly. The native engine cannot be downloaded on
 * every machine we run on; the WASM build ships inside an npm package and writes the same
 * `_prisma_migrations` table, so `prisma migrate deploy` agrees with us where it is available.
 */
const require = createRequire(import.meta.url);

export const PRISMA_DIR = path.resolve(liveEnv.prismaDir() ?? path.join(process.cwd(), "prisma"));
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
let engineModule: Promise<EngineModule> | undefined;

async function loadEngineModule(): Promise<EngineModule> {
  // Node 20 cannot import the package root (it imports a .wasm file directly): wire it by hand.
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const pkgDir = path.dirname(bgPath);
  const bg = (await import(pathToFileURL(bgPath).href)) as EngineModule & { __wbg_set_wasm(exports: unknown): void };
  const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(new Uint8Array(bytes), {
    "./schema_engine_bg.js": Object.fromEntries(Object.entries(bg)),
  });
  bg.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start as (() => void) | undefined;
  start?.();
  return bg;
}

export async function withSchemaEngine<T>(
  connectionString: string,
  schemaText: string,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  engineModule ??= loadEngineModule();
  const { SchemaEngine: Engine } = await engineModule;
  // The engine does not dispose of the adapters it opens; track them so no connection lingers
  // (a lingering one blocks renaming or cloning the database afterwards).
  const pgFactory = new PrismaPg({ connectionString, max: 2 });
  const opened: { dispose(): Promise<void> }[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: pgFactory.provider,
    adapterName: pgFactory.adapterName,
    connect: async () => {
      const adapter = await pgFactory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = await pgFactory.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const factory = bindMigrationAwareSqlAdapterFactory(tracking);
  const logs: string[] = [];
  const engine = await Engine.new({ datamodels: [[SCHEMA_PATH, schemaText]] }, (line: string) => logs.push(line), factory);
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose().catch(() => undefined)));
  }
}

export async function readMigrationsList(): Promise<MigrationList> {
  const entries = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      entries.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (err: unknown) => ({ tag: "error" as const, value: err instanceof Error ? err.message : String(err) }),
          ),
        },
      })),
    ),
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
