import type { Page } from "playwright-core";
import { totpCodeAt } from "~/server/auth/totp";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "~/server/users/demo-users";

const STEP_MS = 30_000;
/** Last TOTP step each account signed in with (from this helper), within one test file. */
const lastStepUsed = new Map<string, number>();

/**
 * A TOTP code the server will accept: each step is accepted once per user, and one step of drift
 * ahead is allowed. The same account signing in twice within one 30-second step therefore needs the
 * next step's code, and a third time within that step needs to wait for the clock. Also for a
 * re-authentication form (the same once-per-step rule applies).
 */
export async function freshCode(email: string, stepsAhead = 0): Promise<string> {
  const now = Math.floor(Date.now() / STEP_MS);
  const step = Math.max(now + stepsAhead, (lastStepUsed.get(email) ?? -1) + 1);
  const waitMs = (step - 1) * STEP_MS - Date.now();
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs + 200));
  lastStepUsed.set(email, step);
  return totpCodeAt(DEMO_TOTP_SECRET, new Date(step * STEP_MS));
}

/**
 * Signs a demo account in through the login form and waits until the app lands on `next`.
 * Fields are found by id, not label, so this works whatever the UI language. `stepsAhead` 1 is for
 * an account that already used the current step outside this helper (e.g. a hand-filled form).
 */
export async function signIn(page: Page, baseUrl: string, email: string, next: string, { stepsAhead = 0 } = {}) {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.locator('input[name="ack"]').check();
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.locator("#totp").fill(await freshCode(email, stepsAhead));
  await Promise.all([page.waitForURL((url) => url.pathname === next), page.locator('form button[type="submit"]').click()]);
}
