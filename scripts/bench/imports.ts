/**
 * Import benchmark: a 1,000,000-row officers.csv (the heaviest kind: every row also opens an
 * assignment) validated and written by the real `vigila import` command, each run on a fresh
 * database. Reports wall time and the importing process's peak memory (max RSS, from
 * /usr/bin/time). Usage: npm run bench -- imports [--rows N] [--runs N]
 */
import { execFile } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { parseArgs } from "node:util";
import pg from "pg";
import { ensureEmbeddedServer } from "../../src/server/db/embedded";

const { values } = parseArgs({ options: { rows: { type: "string", default: "1000000" }, runs: { type: "string", default: "3" } } });
const rows = Number(values.rows);
const runs = Number(values.runs);
const dir = await mkdtemp(path.join(tmpdir(), "vigila-bench-"));

async function writeFile(file: string, lines: Iterable<string>) {
  const out = createWriteStream(file);
  for (const line of lines) if (!out.write(`${line}\n`)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

function* officers() {
  yield "officer_id,department_code,given_name,family_name,rank,hired_on,separated_on";
  for (let i = 0; i < rows; i++) {
    const hired = `20${10 + (i % 15)}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    // Short cells: a million rows must stay under the format's 50 MB per file (this is ≈ 42 MB).
    yield `B${String(i).padStart(7, "0")},BENCH-${i % 100},N${i % 997},A${i % 991},,${hired},`;
  }
}

function vigila(url: string, args: string[]): Promise<{ ms: number; maxRssKb: number; stdout: string }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    execFile("/usr/bin/time", ["-f", "MAXRSS %M", process.execPath, "bin/vigila.mjs", ...args], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" }, maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`${err.message}\n${stdout.slice(0, 2000)}\n${stderr}`));
      resolve({ ms: Date.now() - started, maxRssKb: Number(/MAXRSS (\d+)/.exec(stderr)?.[1] ?? 0), stdout });
    });
  });
}

const departments = path.join(dir, "departments.csv");
const file = path.join(dir, "officers.csv");
await writeFile(departments, ["department_code,name,kind,state_code,municipality_code,authorized_strength", ...Array.from({ length: 100 }, (_, i) => `BENCH-${i},Corporación ${i},STATE,${String(1 + (i % 32)).padStart(2, "0")},,`)]);
await writeFile(file, officers());
const server = await ensureEmbeddedServer(process.env.VIGILA_BENCH_DATA_DIR ?? path.resolve(".data/bench"));
const results: { ms: number; maxRssKb: number }[] = [];
for (let run = 1; run <= runs; run++) {
  const name = `vigila_bench_${process.pid}_${run}`;
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  try {
    await vigila(server.url(name), ["import", "departments", departments]);
    const result = await vigila(server.url(name), ["import", "officers", file]);
    if (!result.stdout.includes(`${rows.toLocaleString("en-US")} created`)) throw new Error(`unexpected result: ${result.stdout}`);
    results.push(result);
    process.stdout.write(`run ${run}: ${(result.ms / 1000).toFixed(1)} s, max RSS ${(result.maxRssKb / 1024).toFixed(0)} MB\n`);
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
process.stdout.write(`rows ${rows.toLocaleString("en-US")}, runs ${runs}: median ${(median(results.map((r) => r.ms)) / 1000).toFixed(1)} s, median max RSS ${(median(results.map((r) => r.maxRssKb)) / 1024).toFixed(0)} MB\n`);
await rm(dir, { recursive: true, force: true });
