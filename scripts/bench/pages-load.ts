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
  return { requests: times.length, non2xx, timeouts: result.timeouts, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times.at(-1) ?? Number.NaN, rps: result.requests.average };
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
