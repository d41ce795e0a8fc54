import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, type Page, chromium } from "playwright-core";

/**
 * Debian's Chromium driven by playwright-core, with a throw-away profile, no background network
 * traffic and no sandbox (CI runs as root). Screenshots go to `test-results/`.
 */

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type TestBrowser = {
  context: BrowserContext;
  newPage: () => Promise<Page>;
  /** Saves a full-page PNG as test-results/<name>.png and returns its path. */
  screenshot: (page: Page, name: string) => Promise<string>;
  close: () => Promise<void>;
};

export async function launchBrowser(): Promise<TestBrowser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const profile = await mkdtemp(path.join(tmpdir(), "vigila-chromium-"));
  // launchPersistentContext is playwright's way of giving Chromium its --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    locale: "es-MX",
    timezoneId: "America/Mexico_City",
    viewport: { width: 1366, height: 900 },
  });
  const results = path.resolve("test-results");
  await mkdir(results, { recursive: true });
  return {
    context,
    newPage: () => context.newPage(),
    screenshot: async (page, name) => {
      const file = path.join(results, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
