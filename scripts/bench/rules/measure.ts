/**
 * The measuring half of `npm run bench`, run as its own process so that its peak memory (RSS high-water
 * mark) is the evaluation's alone, not the generator's. Usage: tsx scripts/bench/measure.ts <url> <D> <runs>
 * Prints one JSON object (Measurements) on stdout.
 */
import os from "node:os";
import pg from "pg";
import { Prisma } from "../../../src/generated/prisma/client";
import { createDb } from "../../../src/server/db/client";
import { type DepartmentEvaluation, evaluateDepartments } from "../../../src/server/rules/evaluate";
import { loadRuleSetVersion } from "../../../src/server/rules/rule-sets";
import { FLOOR_SQL, type FloorRow, compareWithEngine } from "./floor";

export type OneDepartment = { department: string; ms: number[] };

export type Measurements = {
  departments: number;
  levels: Record<string, number>;
  fullMs: number[];
  floorMs: number[];
  oneDepartment: OneDepartment[];
  /** One-minute load average of the machine before and after measuring (it is shared). */
  loadAverage: [number, number];
  maxRssMb: number;
  mismatches: string[];
};

const [url, asOf, runsText] = process.argv.slice(2);
if (!url || !asOf || !runsText) {
  process.stderr.write("usage: tsx scripts/bench/measure.ts <url> <YYYY-MM-DD> <runs>\n");
  process.exit(2);
}
const runs = Number(runsText);

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
}

const db = createDb(url, { max: 2 });
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const loadBefore = os.loadavg()[0]!;
  const version = await loadRuleSetVersion(db);
  // One unmeasured pass of each warms the caches, as the daily run would find them.
  await evaluateDepartments(db, version.rules, asOf);
  await client.query(FLOOR_SQL, [asOf]);

  const fullMs: number[] = [];
  const floorMs: number[] = [];
  let engine: DepartmentEvaluation[] = [];
  let floor: FloorRow[] = [];
  for (let run = 0; run < runs; run++) {
    const [ms, result] = await timed(() => evaluateDepartments(db, version.rules, asOf));
    fullMs.push(ms);
    engine = result;
    const [floorTime, floorResult] = await timed(() => client.query<FloorRow>(FLOOR_SQL, [asOf]));
    floorMs.push(floorTime);
    floor = floorResult.rows;
  }
  const mismatches = compareWithEngine(engine, floor);

  // (c) one new complaint, then that department alone; the complaint is removed again afterwards.
  // Measured on the largest municipal department (worst case) and on a median-sized one.
  const municipal = engine.filter((e) => e.kind === "MUNICIPAL" && e.n > 0).sort((a, b) => b.n - a.n);
  const oneDepartment: OneDepartment[] = [];
  for (const target of [municipal[0]!, municipal[Math.floor(municipal.length / 2)]!]) {
    const alone = await evaluateDepartments(db, version.rules, asOf, Prisma.sql`d.id = ${target.departmentId}`);
    if (JSON.stringify(alone[0]?.rules.map((r) => r.value)) !== JSON.stringify(target.rules.map((r) => r.value))) {
      mismatches.push(`${target.code}: evaluated alone it differs from the full evaluation`);
    }
    const ms: number[] = [];
    for (let run = 0; run < runs; run++) {
      const ref = `BENCH-NEW-${run}`;
      await client.query(
        `insert into "Complaint" (ref, "departmentId", "receivedOn", source, category, status, "updatedAt")
         values ($1, $2, $3::date, 'CITIZEN', 'EXCESSIVE_FORCE', 'RECEIVED', now())`,
        [ref, target.departmentId, asOf],
      );
      try {
        const [time, result] = await timed(() => evaluateDepartments(db, version.rules, asOf, Prisma.sql`d.id = ${target.departmentId}`));
        ms.push(time);
        const q = (e: DepartmentEvaluation) => e.rules.find((r) => r.id === "complaint-rate")?.extras.count ?? 0;
        if (q(result[0]!) !== q(target) + 1) mismatches.push(`${target.code}: the new complaint was not counted`);
      } finally {
        await client.query(`delete from "Complaint" where ref = $1`, [ref]);
      }
    }
    oneDepartment.push({ department: `${target.code} (${target.n} active officers)`, ms });
  }

  const levels: Record<string, number> = {};
  for (const e of engine) levels[e.level] = (levels[e.level] ?? 0) + 1;
  const result: Measurements = {
    departments: engine.length,
    levels,
    fullMs,
    floorMs,
    oneDepartment,
    loadAverage: [loadBefore, os.loadavg()[0]!],
    // maxRSS is in kibibytes.
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    mismatches,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await client.end();
  await db.$disconnect();
}
