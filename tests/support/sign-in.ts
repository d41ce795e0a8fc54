import type { Page } from "playwright-core";
import { totpCodeAt } from "~/server/auth/totp";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "~/server/users/demo-users";

/**
 * Signs a demo account in through the login form and waits until the app lands on `next`.
 * Fields are found by id, not label, so this works whatever the UI language. Each TOTP step is
 * accepted once per user: `stepsAhead` 1 signs the same user in again within a step already used
 * (+1 step is the allowed drift).
 */
export async function signIn(page: Page, baseUrl: string, email: string, next: string, { stepsAhead = 0 } = {}) {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.locator('input[name="ack"]').check();
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.locator("#totp").fill(totpCodeAt(DEMO_TOTP_SECRET, new Date(Date.now() + stepsAhead * 30_000)));
  await Promise.all([page.waitForURL((url) => url.pathname === next), page.locator('form button[type="submit"]').click()]);
}
