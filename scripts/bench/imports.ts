/**
 * Import benchmark: a 1,000,000-row officers.csv (the heaviest kind: every row also opens an
 * assignment) validated and written by the real `vigila import` command, each run on a fresh
 * database. Reports wall time, the importing process's peak memory (max RSS) and CPU time (user +
 * sys, from /usr/bin/time), and the CPU time of the benchmark's own PostgreSQL server (postmaster and
 * every backend and worker, live or exited) over the import.
 * Usage: npm run bench -- imports [--rows N] [--runs N]
 */
import { execFile } from "node:child_process";
import { createWriteStream, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { parseArgs } from "node:util";
import pg from "pg";
import { ensureEmbeddedServer } from "../../src/server/db/embedded";

function describe(r: Omit<Run, "stdout">) {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return `${s(r.ms)} wall, max RSS ${(r.maxRssKb / 1024).toFixed(0)} MB, CPU importer ${s(r.cpuMs)}, CPU PostgreSQL ${s(r.pgCpuMs)}`;
}

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

type Run = { ms: number; maxRssKb: number; cpuMs: number; pgCpuMs: number; stdout: string };

const TICKS_PER_SECOND = 100; // Linux USER_HZ
/** utime + stime (+ reaped children's when `children`) of one process, in ms; 0 if it is gone. */
function processCpuMs(pid: number, children: boolean): number {
  try {
    // Fields after the command name: utime = 14, stime = 15, cutime = 16, cstime = 17 (1-based, man proc).
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]) + (children ? Number(fields[13]) + Number(fields[14]) : 0);
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU used so far by the PostgreSQL server `postmaster` and all its processes (exited ones included). */
function postgresCpuMs(postmaster: number): number {
  let total = processCpuMs(postmaster, true);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      if (ppid === postmaster) total += processCpuMs(Number(entry), false);
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

function vigila(url: string, args: string[], postmaster: number): Promise<Run> {
  const started = Date.now();
  const pgBefore = postgresCpuMs(postmaster);
  return new Promise((resolve, reject) => {
    execFile("/usr/bin/time", ["-f", "MAXRSS %M CPU %U %S", process.execPath, "bin/vigila.mjs", ...args], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" }, maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`${err.message}\n${stdout.slice(0, 2000)}\n${stderr}`));
      const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(stderr);
      resolve({
        ms: Date.now() - started,
        maxRssKb: Number(/MAXRSS (\d+)/.exec(stderr)?.[1] ?? 0),
        cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : 0,
        pgCpuMs: postgresCpuMs(postmaster) - pgBefore,
        stdout,
      });
    });
  });
}

const departments = path.join(dir, "departments.csv");
const file = path.join(dir, "officers.csv");
await writeFile(departments, ["department_code,name,kind,state_code,municipality_code,authorized_strength", ...Array.from({ length: 100 }, (_, i) => `BENCH-${i},Corporación ${i},STATE,${String(1 + (i % 32)).padStart(2, "0")},,`)]);
await writeFile(file, officers());
const server = await ensureEmbeddedServer(process.env.VIGILA_BENCH_DATA_DIR ?? path.resolve(".data/bench"));
const results: Run[] = [];
for (let run = 1; run <= runs; run++) {
  const name = `vigila_bench_${process.pid}_${run}`;
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  try {
    await vigila(server.url(name), ["import", "departments", departments], server.pid);
    const result = await vigila(server.url(name), ["import", "officers", file], server.pid);
    if (!result.stdout.includes(`${rows.toLocaleString("en-US")} created`)) throw new Error(`unexpected result: ${result.stdout}`);
    results.push(result);
    process.stdout.write(`run ${run}: ${describe(result)}\n`);
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}
const median = (pick: (r: Run) => number) => results.map(pick).sort((a, b) => a - b)[Math.floor(results.length / 2)]!;
const medians = { ms: median((r) => r.ms), maxRssKb: median((r) => r.maxRssKb), cpuMs: median((r) => r.cpuMs), pgCpuMs: median((r) => r.pgCpuMs) };
process.stdout.write(`rows ${rows.toLocaleString("en-US")}, runs ${runs}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}: median ${describe(medians)}\n`);
await rm(dir, { recursive: true, force: true });
