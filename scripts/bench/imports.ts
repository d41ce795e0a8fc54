/**
 * Import benchmark: a 1,000,000-row officers.csv (the heaviest kind: every row also opens an
 * assignment) validated and written by the real `vigila import` command, each run on a fresh
 * database. Reports wall time, the importing process's peak memory (max RSS) and CPU time (user +
 * sys, from /usr/bin/time), and the CPU time of the benchmark's own PostgreSQL server (postmaster and
 * every backend and worker, live or exited) over the import.
 * `--baseline <dir>`: a copy of the repository at an earlier commit (e.g. `git archive <sha> | tar -x -C
 * <dir>`, plus links to node_modules and src/generated) whose engine is run alternately with this one,
 * so both medians come from the same stretch of machine load. `--log debug` prints each import step.
 * Usage: npm run bench -- imports [--rows N] [--runs N] [--baseline DIR] [--log LEVEL]
 */
import { execFile } from "node:child_process";
import { createWriteStream, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { parseArgs } from "node:util";
import pg from "pg";
import { ensureEmbeddedServer, stopEmbeddedServer } from "../../src/server/db/embedded";

function describe(r: Omit<Run, "stdout">) {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return `${s(r.ms)} wall, max RSS ${(r.maxRssKb / 1024).toFixed(0)} MB, CPU importer ${s(r.cpuMs)}, CPU PostgreSQL ${s(r.pgCpuMs)}`;
}

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    runs: { type: "string", default: "3" },
    baseline: { type: "string" },
    log: { type: "string", default: "warn" },
  },
});
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

function vigila(url: string, args: string[], postmaster: number, root = "."): Promise<Run> {
  const started = Date.now();
  const pgBefore = postgresCpuMs(postmaster);
  return new Promise((resolve, reject) => {
    execFile(
      "/usr/bin/time",
      ["-f", "MAXRSS %M CPU %U %S", process.execPath, "bin/vigila.mjs", ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: values.log }, maxBuffer: 1 << 26 },
      (err, stdout, stderr) => {
        if (err) {
          reject(new Error(`${err.message}\n${stdout.slice(0, 2000)}\n${stderr}`));
          return;
        }
        if (values.log !== "warn") process.stderr.write(stderr);
        const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(stderr);
        resolve({
          ms: Date.now() - started,
          maxRssKb: Number(/MAXRSS (\d+)/.exec(stderr)?.[1] ?? 0),
          cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : 0,
          pgCpuMs: postgresCpuMs(postmaster) - pgBefore,
          stdout,
        });
      },
    );
  });
}

const departments = path.join(dir, "departments.csv");
const file = path.join(dir, "officers.csv");
await writeFile(departments, [
  "department_code,name,kind,state_code,municipality_code,authorized_strength",
  ...Array.from({ length: 100 }, (_, i) => `BENCH-${i},Corporación ${i},STATE,${String(1 + (i % 32)).padStart(2, "0")},,`),
]);
await writeFile(file, officers());
const server = await ensureEmbeddedServer(process.env.VIGILA_BENCH_DATA_DIR ?? path.resolve(".data/bench"));
const engines = [{ name: "current", root: "." }, ...(values.baseline ? [{ name: "baseline", root: path.resolve(values.baseline) }] : [])];
const results = new Map<string, Run[]>(engines.map((e) => [e.name, []]));

/** One import of the officers file by `engine` into a fresh database. */
async function measure(engine: (typeof engines)[number], run: number): Promise<Run> {
  const name = `vigila_bench_${process.pid}_${engine.name}_${run}`;
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  try {
    await vigila(server.url(name), ["import", "departments", departments], server.pid, engine.root);
    const result = await vigila(server.url(name), ["import", "officers", file], server.pid, engine.root);
    if (!result.stdout.includes(`${rows.toLocaleString("en-US")} created`)) throw new Error(`unexpected result: ${result.stdout}`);
    return result;
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

// Engines alternate within each run, so a change in machine load affects both alike.
for (let run = 1; run <= runs; run++) {
  for (const engine of run % 2 === 1 ? engines : [...engines].reverse()) {
    const result = await measure(engine, run);
    results.get(engine.name)!.push(result);
    process.stdout.write(`run ${run} ${engine.name}: ${describe(result)} (load ${loadavg()[0]!.toFixed(1)})\n`);
  }
}
const median = (list: Run[], pick: (r: Run) => number) => list.map(pick).sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const medians = new Map(
  [...results].map(([name, list]) => [
    name,
    {
      ms: median(list, (r) => r.ms),
      maxRssKb: median(list, (r) => r.maxRssKb),
      cpuMs: median(list, (r) => r.cpuMs),
      pgCpuMs: median(list, (r) => r.pgCpuMs),
    },
  ]),
);
const header = `rows ${rows.toLocaleString("en-US")}, runs ${runs}, load average ${loadavg()
  .map((l) => l.toFixed(1))
  .join(" ")}`;
for (const [name, m] of medians) process.stdout.write(`${header}: ${name} median ${describe(m)}\n`);
const base = medians.get("baseline");
if (base) {
  const now = medians.get("current")!;
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : "n/a");
  process.stdout.write(
    `current / baseline: wall ${ratio(now.ms, base.ms)}, CPU importer ${ratio(now.cpuMs, base.cpuMs)}, CPU PostgreSQL ${ratio(now.pgCpuMs, base.pgCpuMs)}\n`,
  );
}
await rm(dir, { recursive: true, force: true });
// The benchmark's own server: stopped unless it was already running before (then it is someone else's).
if (server.ownedByUs) await stopEmbeddedServer(server.pid);
