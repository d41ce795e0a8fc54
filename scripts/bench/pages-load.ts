import { readFileSync, readdirSync } from "node:fs";
import autocannon from "autocannon";
import { chromium } from "playwright-core";

/** Load and paint measurements for `npm run bench -- pages` (see pages.ts). */

export type LoadResult = { requests: number; non2xx: number; timeouts: number; p50: number; p95: number; max: number; rps: number };

/** The q-th quantile (0–1) of sorted values, nearest-rank: the smallest value with at least q of the samples at or below it. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * `connections` clients requesting `url` back to back for `seconds`. Every response's time is kept
 * (autocannon's own summary has no 95th percentile), so p95 is exact over all requests.
 */
export async function load(url: string, cookie: string, options: { connections: number; seconds: number }): Promise<LoadResult> {
  const times: number[] = [];
  let non2xx = 0;
  // A request still unanswered after 30 s counts as a timeout (autocannon's default of 10 s hides slow pages).
  const instance = autocannon({ url, connections: options.connections, duration: options.seconds, timeout: 30, headers: { cookie } });
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    times.push(ms);
    if (status < 200 || status >= 300) non2xx++;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    non2xx,
    timeouts: result.timeouts,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    max: times.at(-1) ?? Number.NaN,
    rps: result.requests.average,
  };
}

/** Largest contentful paint of `path`, signed in with `cookie`, in a fresh browser context each time. */
export async function largestContentfulPaint(baseUrl: string, path: string, cookie: string, runs: number): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
  });
  const [name, ...value] = cookie.split("=");
  const paints: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "es-MX" });
      await context.addCookies([{ name: name!, value: value.join("="), url: baseUrl }]);
      const page = await context.newPage();
      await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
      paints.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              new PerformanceObserver((list) => {
                const entries = list.getEntries();
                resolve(entries[entries.length - 1]!.startTime);
              }).observe({ type: "largest-contentful-paint", buffered: true });
            }),
        ),
      );
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return paints;
}

export function median(values: number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

type RawQuery = { $queryRaw<T>(query: TemplateStringsArray, ...values: unknown[]): Promise<T> };

/**
 * Waits until the previous target's requests are really over: autocannon stops counting at the end of
 * its run, but requests it already sent keep the app and PostgreSQL busy. No other active query on the
 * database for 3 polls in a row, then one request answered; at most `maxMs`.
 */
export async function drain(db: RawQuery, url: string, cookie: string, maxMs = 120_000): Promise<number> {
  const started = Date.now();
  let quiet = 0;
  while (quiet < 3 && Date.now() - started < maxMs) {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'`;
    quiet = row?.n === 0 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await fetch(url, { headers: { cookie } }).then((r) => r.arrayBuffer());
  return Date.now() - started;
}

/** Median wall time (ms) of `runs` sequential calls. */
export async function timed(fn: () => Promise<unknown>, runs: number): Promise<{ median: number; all: number[] }> {
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    all.push(performance.now() - started);
  }
  return { median: median(all), all };
}

/** CPU time (ms) used so far by a process and, with `withChildren`, by its live children (PostgreSQL's backends). */
export function cpuMs(pid: number, withChildren = false): number {
  const ticks = (p: number) => {
    try {
      // Fields after the parenthesised command name: state is [0], utime [11], stime [12] (clock ticks of 10 ms).
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
      return { ppid: Number(fields[1]), cpu: Number(fields[11]) + Number(fields[12]) };
    } catch {
      return null;
    }
  };
  let total = ticks(pid)?.cpu ?? 0;
  if (withChildren) {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = ticks(Number(entry));
      if (stat?.ppid === pid) total += stat.cpu;
    }
  }
  return total * 10;
}
