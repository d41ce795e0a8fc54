/**
 * `npm run bench -- rules [--runs N] [--regenerate]`: the national-scale benchmark of the rules engine.
 * Generates the synthetic dataset into its own database (`vigila_bench`, on DATABASE_URL's server or
 * the embedded one; reused when it was generated with the same parameters), then measures in a
 * separate process and writes the results into docs/benchmarks.md. Not part of `npm test`.
 */
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { releaseDatabase, resolveDatabase } from "../../src/server/db/connection";
import { applyMigrations } from "../../src/server/db/migrate";
import { type BenchParameters, NATIONAL, generate } from "./rules/generate";
import type { Measurements } from "./rules/measure";
import { type Machine, section, verdicts, writeSection } from "./rules/report";

const BENCH_DATABASE = "vigila_bench";
const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, regenerate: { type: "boolean", default: false } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 3 || runs > 50) {
  process.stderr.write("--runs must be an integer from 3 to 50 (medians need at least 3 runs)\n");
  process.exit(2);
}
const say = (line: string) => process.stderr.write(`${line}\n`);

function urlFor(base: string, database: string) {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The parameters the existing bench database was generated with, or null (none, or unfinished). */
async function storedParameters(adminUrl: string, benchUrl: string): Promise<BenchParameters | null> {
  const exists = await withClient(adminUrl, (c) => c.query("select 1 from pg_database where datname = $1", [BENCH_DATABASE]));
  if (exists.rowCount === 0) return null;
  return withClient(benchUrl, async (c) => {
    const table = await c.query<{ t: string | null }>(`select to_regclass('bench_meta') as t`);
    if (!table.rows[0]?.t) return null;
    const meta = await c.query<{ params: BenchParameters }>("select params from bench_meta");
    return meta.rows[0]?.params ?? null;
  });
}

/** Seconds spent generating, or null when the existing data was reused. */
async function prepareBenchDatabase(adminUrl: string, benchUrl: string, p: BenchParameters): Promise<number | null> {
  const stored = values.regenerate ? null : await storedParameters(adminUrl, benchUrl);
  // jsonb keeps keys in its own order: compare key by key.
  const same =
    stored !== null &&
    Object.keys(p).length === Object.keys(stored).length &&
    Object.entries(p).every(([k, v]) => stored[k as keyof BenchParameters] === v);
  if (same) {
    say(`Reusing ${BENCH_DATABASE} (generated with the same parameters).`);
    await applyMigrations(benchUrl);
    return null;
  }
  say(`Generating ${BENCH_DATABASE} (a few minutes)…`);
  const started = performance.now();
  await withClient(adminUrl, async (c) => {
    await c.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await c.query(`create database ${BENCH_DATABASE}`);
  });
  await applyMigrations(benchUrl);
  await withClient(benchUrl, async (c) => {
    await generate(c, p, say);
    // Written last: a run interrupted while generating leaves no marker and is regenerated.
    await c.query("create table bench_meta (params jsonb not null, generated_at timestamptz not null default now())");
    await c.query("insert into bench_meta (params) values ($1)", [JSON.stringify(p)]);
  });
  return (performance.now() - started) / 1000;
}

function measure(benchUrl: string, asOf: string): Promise<Measurements> {
  return new Promise((resolve, reject) => {
    const script = path.join(import.meta.dirname, "rules", "measure.ts");
    const child = spawn(process.execPath, ["--import", "tsx", script, benchUrl, asOf, String(runs)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out) as Measurements) : reject(new Error(`measure.ts exited with ${code}`)),
    );
  });
}

const target = await resolveDatabase();
try {
  const adminUrl = target.embedded?.adminUrl ?? urlFor(target.url, "postgres");
  const benchUrl = urlFor(target.url, BENCH_DATABASE);
  const generatedSeconds = await prepareBenchDatabase(adminUrl, benchUrl, NATIONAL);
  say(`Measuring (${runs} runs of each)…`);
  const m = await measure(benchUrl, NATIONAL.asOf);
  const postgres = await withClient(
    benchUrl,
    async (c) => (await c.query<{ v: string }>("select version() as v")).rows[0]!.v.split(" on ")[0]!,
  );
  const machine: Machine = {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGb: os.totalmem() / 1024 ** 3,
    postgres,
    node: process.versions.node,
  };
  const text = section(NATIONAL, m, machine, new Date().toISOString().slice(0, 10), generatedSeconds);
  await writeSection(path.resolve("docs/benchmarks.md"), text);
  process.stdout.write(`${text}\n`);
  for (const v of verdicts(m)) process.stdout.write(`${v.met ? "ok    " : "MISSED"} ${v.name}: ${v.measured} (target ${v.target})\n`);
  for (const line of m.mismatches.slice(0, 50)) process.stdout.write(`mismatch: ${line}\n`);
  process.exitCode = verdicts(m).every((v) => v.met) ? 0 : 1;
} finally {
  await releaseDatabase();
}
