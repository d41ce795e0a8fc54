/**
 * `npm run bench -- pages [--size full|small] [--seconds 10] [--connections 20] [--runs 3] [--no-doc] [--only REGEX] [--profile DIR]`
 *
 * Page speed of the dashboard on the demo dataset in the embedded database: for every page, its main
 * data request (the tRPC query the page renders from) is loaded by autocannon with 20 connections
 * for 10 s, signed in as the role that uses the page; target p95 ≤ 150 ms. Between targets the
 * previous one's requests are drained (see `drain`). The whole round is repeated `--runs` times and
 * each figure is the median over runs. Then the national overview's largest contentful paint in
 * Chromium (median of 5; target < 1.5 s). Before the app starts, a same-run baseline: the dashboard
 * figures computed live (the set-based SQL, and the per-officer look-ups used before it) against the
 * precomputed table, and the cost of a national refresh. Needs `npm run build`.
 * Results go to stdout and to docs/benchmarks.md (section bench:pages).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "full" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
    runs: { type: "string", default: "3" },
    "no-doc": { type: "boolean", default: false },
    // Measure only the targets whose procedure or page matches (for working on one request; implies --no-doc).
    only: { type: "string" },
    // Write a V8 CPU profile of the app server into this folder (read it in Chrome DevTools or speedscope).
    profile: { type: "string" },
  },
});
const size = values.size === "small" ? "small" : "full";
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const runs = Math.max(1, Number(values.runs));
const DATA_DIR = path.resolve(".data/bench-pages");
// Before any app module reads the environment: the benchmark has its own embedded database folder.
process.env.VIGILA_DATA_DIR = DATA_DIR;
delete process.env.DATABASE_URL;

if (!existsSync(".next/BUILD_ID")) {
  process.stderr.write("The app is not built: run `npm run build` first.\n");
  process.exit(2);
}

const { prepareDatabase } = await import("../../src/server/db/prepare");
const { disconnectDb } = await import("../../src/server/db/client");
const { releaseDatabase } = await import("../../src/server/db/connection");
const { prepareDemo } = await import("../../src/server/demo/prepare-demo");
const { DEMO_REFERENCE_DATE } = await import("../../src/server/demo/calendar");
const { authConfigFromEnv, cookieNames } = await import("../../src/server/auth/config");
const { encode } = await import("next-auth/jwt");
const { cpuMs, drain, largestContentfulPaint, load, median, quantile } = await import("./pages-load");
const { figuresBaseline } = await import("./pages-baseline");

const db = await prepareDatabase();
const started = Date.now();
// The documented as-of date, so every measurement runs on the same data as docs/benchmarks.md.
const demo = await prepareDemo(db, { size, asOf: DEMO_REFERENCE_DATE });
process.stderr.write(
  `demo data ready in ${((Date.now() - started) / 1000).toFixed(0)} s (${demo.seed.departments} departments, ${demo.seed.officers} officers)\n`,
);
const onlyPattern = values.only === undefined ? null : new RegExp(values.only);
// The figures baseline takes a while and does not concern a single request's work.
const baseline = onlyPattern ? { runs: 0, table: [] as string[] } : await figuresBaseline(db);

/** A live server-side session for a demo account and the cookie that carries it (as sign-in would set). */
async function sessionCookie(email: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const sid = randomBytes(32).toString("hex");
  await db.userSession.create({ data: { id: sid, userId: user.id, sessionVersion: user.sessionVersion, userAgent: "vigila-bench" } });
  const token = await encode({ token: { sub: String(user.id), sid }, secret: authConfigFromEnv().secret, maxAge: 12 * 3600 });
  return `${cookieNames(false).session}=${token}`;
}

// Subjects of the detail pages: a flagged municipal department of the demo, one of its officers and complaints.
const dossier = await db.department.findFirstOrThrow({ where: { code: "MX-16-053-MUN" }, select: { id: true, code: true } });
const officer = await db.officer.findFirstOrThrow({ where: { departmentId: dossier.id, complaints: { some: {} } }, select: { id: true } });
const complaint = await db.complaint.findFirstOrThrow({
  where: { departmentId: dossier.id },
  orderBy: { receivedOn: "desc" },
  select: { ref: true },
});
const run = await db.evaluationRun.findFirstOrThrow({ where: { status: "SUCCEEDED" }, orderBy: { id: "desc" }, select: { id: true } });
const cookies = {
  analyst: await sessionCookie("analista@vigila.demo"),
  auditor: await sessionCookie("auditor@vigila.demo"),
  ag: await sessionCookie("fiscal.michoacan@vigila.demo"),
  admin: await sessionCookie("admin@vigila.demo"),
};

type Target = { page: string; procedure: string; input: unknown; as: keyof typeof cookies };
const ALL_TARGETS: Target[] = [
  { page: "/ (overview)", procedure: "dashboard.overview", input: {}, as: "analyst" },
  { page: "/ (trends)", procedure: "dashboard.trends", input: {}, as: "analyst" },
  { page: "/states/16", procedure: "dashboard.overview", input: { stateCode: "16" }, as: "analyst" },
  { page: "/states/16 (trends)", procedure: "dashboard.trends", input: { stateCode: "16" }, as: "analyst" },
  { page: "/departments", procedure: "departments.list", input: {}, as: "analyst" },
  {
    page: "/departments?level=REVIEW",
    procedure: "departments.list",
    input: { level: "REVIEW", sort: "level", direction: "desc" },
    as: "analyst",
  },
  { page: `/departments/${dossier.code}`, procedure: "departments.dossier", input: { code: dossier.code }, as: "analyst" },
  {
    page: `/departments/${dossier.code} (why)`,
    procedure: "evaluations.explain",
    input: { departmentCode: dossier.code, runId: run.id },
    as: "analyst",
  },
  {
    page: `/departments/${dossier.code} (timeline)`,
    procedure: "timeline.department",
    input: { departmentCode: dossier.code, limit: 100 },
    as: "analyst",
  },
  { page: `/officers/${officer.id}`, procedure: "officers.get", input: { id: officer.id }, as: "analyst" },
  { page: `/complaints/${complaint.ref}`, procedure: "complaints.get", input: { ref: complaint.ref }, as: "analyst" },
  { page: "/queues", procedure: "recommendations.list", input: { status: "OPEN", pageSize: 50 }, as: "ag" },
  { page: "/queues?tab=reviews", procedure: "reviews.list", input: { mine: true, status: "OPEN", pageSize: 50 }, as: "ag" },
  { page: "/queues?tab=receivership", procedure: "receivership.list", input: { pageSize: 200 }, as: "ag" },
  { page: "/audit", procedure: "audit.list", input: {}, as: "auditor" },
  { page: "/imports", procedure: "imports.list", input: {}, as: "analyst" },
  { page: "/rules", procedure: "rules.list", input: undefined, as: "admin" },
  { page: "/users", procedure: "users.list", input: undefined, as: "admin" },
  { page: "/settings/alerts", procedure: "alerts.settings", input: undefined, as: "analyst" },
];

const only = onlyPattern;
const TARGETS = only ? ALL_TARGETS.filter((t) => only.test(t.procedure) || only.test(t.page)) : ALL_TARGETS;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function startApp(port: number): Promise<ChildProcess> {
  const profile = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values.profile)}`] : [];
  const nextCli = path.resolve("node_modules/next/dist/bin/next");
  const child = spawn(process.execPath, [...profile, nextCli, "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", VIGILA_DEMO: "1", VIGILA_DATA_DIR: DATA_DIR },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let waited = 0; waited < 60_000; waited += 250) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/login`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("next start did not answer within 60 s");
}

const port = await freePort();
const app = await startApp(port);
const baseUrl = `http://127.0.0.1:${port}`;
const loadAtStart = os.loadavg();
/** CPU per answered request (ms) in the app server, PostgreSQL (all its processes) and this process (autocannon). */
type CpuPerRequest = { app: number; db: number; client: number };
type Measured = { target: Target; results: Awaited<ReturnType<typeof load>>[]; load1: number[]; drainMs: number[]; cpu: CpuPerRequest[] };
const rows: Measured[] = TARGETS.map((target) => ({ target, results: [], load1: [], drainMs: [], cpu: [] }));
const postmasterPid = Number(readFileSync(path.join(DATA_DIR, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
const cpuNow = () => {
  const own = process.cpuUsage();
  return { app: cpuMs(app.pid ?? 0), db: cpuMs(postmasterPid, true), client: (own.user + own.system) / 1000 };
};
const urlOf = (target: Target) =>
  `${baseUrl}/api/trpc/${target.procedure}${target.input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: target.input }))}`}`;
let paints: number[] = [];
try {
  for (let round = 1; round <= runs; round++) {
    for (const row of rows) {
      const { target } = row;
      const url = urlOf(target);
      const probe = await fetch(url, { headers: { cookie: cookies[target.as] } });
      if (!probe.ok) throw new Error(`${target.procedure} answered ${probe.status}: ${(await probe.text()).slice(0, 300)}`);
      // One short unmeasured round warms the server's code paths and PostgreSQL's caches.
      await load(url, cookies[target.as], { connections, seconds: 2 });
      row.drainMs.push(await drain(db, url, cookies[target.as]));
      row.load1.push(os.loadavg()[0]!);
      const before = cpuNow();
      const result = await load(url, cookies[target.as], { connections, seconds });
      const after = cpuNow();
      row.results.push(result);
      const per = (key: keyof CpuPerRequest) => (after[key] - before[key]) / Math.max(1, result.requests);
      row.cpu.push({ app: per("app"), db: per("db"), client: per("client") });
      row.drainMs.push(await drain(db, url, cookies[target.as]));
      process.stderr.write(
        `run ${round} ${target.procedure.padEnd(22)} ${target.page.padEnd(44)} p95 ${result.p95.toFixed(0)} ms (${result.requests} requests, CPU/request app ${row.cpu.at(-1)!.app.toFixed(1)} db ${row.cpu.at(-1)!.db.toFixed(1)} client ${row.cpu.at(-1)!.client.toFixed(1)} ms, load ${os.loadavg()[0]!.toFixed(1)}, drained in ${row.drainMs.at(-1)} ms)\n`,
      );
    }
  }
  if (!only) paints = (await largestContentfulPaint(baseUrl, "/", cookies.analyst, 5)).sort((a, b) => a - b);
} finally {
  app.kill("SIGTERM");
  await new Promise((resolve) => app.once("exit", resolve));
  await disconnectDb();
  await releaseDatabase();
}

const lcp = quantile(paints, 0.5);
const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
// No response at all within the run (every request slower than the run itself) has no percentile.
const ms = (value: number) => (Number.isNaN(value) ? "no response" : `${value.toFixed(0)} ms`);
const table = [
  "| Page | Main data request | Role | p95 per run | p95 (median) | p50 (median) | Requests per run | CPU per request: app / database / load generator (median) | Load (1 min) at start | Target p95 ≤ 150 ms |",
  "|---|---|---|---|---|---|---|---|---|---|",
  ...rows.map(({ target, results, load1, cpu }) => {
    const cpuOf = (key: keyof CpuPerRequest) => median(cpu.map((c) => c[key])).toFixed(1);
    const p95 = median(results.map((r) => r.p95));
    const failures = results.reduce((n, r) => n + r.non2xx + r.timeouts, 0);
    return `| \`${target.page}\` | \`${target.procedure}\` | ${target.as} | ${results.map((r) => ms(r.p95)).join(", ")} | ${ms(p95)} | ${ms(median(results.map((r) => r.p50)))} | ${results.map((r) => r.requests).join(", ")}${failures ? ` (${failures} failed)` : ""} | ${cpuOf("app")} / ${cpuOf("db")} / ${cpuOf("client")} ms | ${load1.map((l) => l.toFixed(1)).join(", ")} | ${verdict(p95 <= 150 && failures === 0)} |`;
  }),
];
const section = `<!-- bench:pages:start -->
## Dashboard page speed (\`npm run bench -- pages\`)

Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? "unknown"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM,
Node ${process.versions.node}, the built app (\`next start\`) on the embedded PostgreSQL with the demo dataset (${size}:
${demo.seed.departments} departments, ${demo.seed.officers} officers, ${demo.seed.complaints} complaints). The machine was shared with other work
while measuring: load average ${loadAtStart.map((l) => l.toFixed(1)).join(" / ")} (1/5/15 min) when the app started, ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(" / ")} at the end.
Each request: autocannon, ${connections} connections, ${seconds} s after a 2 s warm-up, signed in; p95 over every response;
the previous target's requests drained first (no active query left, then one answered request). ${runs} run(s) of every target; medians over runs.

${table.join("\n")}

Overview (\`/\`) largest contentful paint in Chromium, median of ${paints.length} cold loads: **${lcp.toFixed(0)} ms** (target < 1,500 ms: ${verdict(lcp < 1500)}).
Raw LCP (ms): ${paints.map((p) => p.toFixed(0)).join(", ")}.

Same-run baseline, one request at a time in the benchmark process (median of ${baseline.runs}; ms):

${baseline.table.join("\n")}
<!-- bench:pages:end -->`;
process.stdout.write(`${section}\n`);
if (!values["no-doc"] && !only) {
  const file = path.resolve("docs/benchmarks.md");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const pattern = /<!-- bench:pages:start -->[\s\S]*?<!-- bench:pages:end -->/;
  writeFileSync(file, pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}\n`);
}
process.exit(0);
