import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { type Db, createDb } from "~/server/db/client";
import { testServer } from "./test-server";

export type TestDatabase = { db: Db; url: string; name: string };

/** A fresh database cloned from the migrated template, private to this test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const urlFor = await testServer();
  const name = `vigila_t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: urlFor("postgres") });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${inject("templateDatabase")}"`);
  } finally {
    await admin.end();
  }
  const url = urlFor(name);
  return { db: createDb(url), url, name };
}

export async function dropTestDatabase(test: TestDatabase) {
  await test.db.$disconnect();
  const admin = new pg.Client({ connectionString: (await testServer())("postgres") });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${test.name}" with (force)`);
  } finally {
    await admin.end();
  }
}

/** Registers beforeAll/afterAll hooks; read `.current` inside tests. */
export function useTestDatabase() {
  const holder = {} as { current: TestDatabase };
  beforeAll(async () => {
    holder.current = await createTestDatabase();
  });
  afterAll(async () => {
    if (holder.current) await dropTestDatabase(holder.current);
  });
  return holder;
}
