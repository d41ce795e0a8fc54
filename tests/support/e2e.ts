import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { type AppServer, type AppServerOptions, startAppServer } from "./app-server";
import { type TestBrowser, launchBrowser } from "./browser";

/**
 * One e2e test file's built app and Chromium, started once for the file and stopped after it, with
 * the cookies cleared before each test so every test signs in for itself.
 */
export type AppAndBrowser = {
  app: AppServer;
  browser: TestBrowser;
  /** A new page that records Content-Security-Policy refusals (inline styles or scripts without the nonce). */
  watchedPage: () => Promise<{ page: Page; cspViolations: string[] }>;
  /** axe-core over the whole page (WCAG 2.1 A and AA rules) must report nothing; then a full-page screenshot `test-results/<name>.png`. */
  checkPage: (page: Page, name: string) => Promise<void>;
};

export const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export async function axeViolations(page: Page): Promise<string[]> {
  // axe must run a script inside every frame; in a sandboxed one (the /dev/mail email preview) it
  // cannot, and analyze() then never returns. The frame's title is checked by the test instead.
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).exclude("iframe[sandbox]").analyze();
  return violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 5)
        .join(" | ")}`,
  );
}

export function useAppAndBrowser(options: AppServerOptions = {}): AppAndBrowser {
  const holder = {
    watchedPage: async () => {
      const page = await holder.browser.newPage();
      const cspViolations: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy/.test(m.text())) cspViolations.push(m.text());
      });
      return { page, cspViolations };
    },
    checkPage: async (page: Page, name: string) => {
      expect(await axeViolations(page), `axe violations on ${name}`).toEqual([]);
      await holder.browser.screenshot(page, name);
    },
  } as AppAndBrowser;
  beforeAll(async () => {
    holder.app = await startAppServer(options);
    holder.browser = await launchBrowser();
  });
  afterAll(async () => {
    await holder.browser?.close();
    await holder.app?.stop();
  });
  beforeEach(async () => {
    await holder.browser.context.clearCookies();
  });
  return holder;
}
