import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { type TestBrowser, launchBrowser } from "../support/browser";
import { signIn } from "../support/sign-in";

/** The built app in Chromium against a seeded database: sign in as a demo account, see real rows. */

let app: AppServer;
let browser: TestBrowser;

beforeAll(async () => {
  app = await startAppServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("smoke", () => {
  it("an analyst signs in and /departments lists the seeded departments", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${app.baseUrl}/departments`);
    expect(response?.ok()).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/login"); // nothing without signing in

    await signIn(page, app.baseUrl, "analista@vigila.demo", "/departments");
    const table = page.getByTestId("departments-table");
    await table.locator("tbody tr[data-code]").first().waitFor();
    const expected = await app.database.db.department.count();
    const countText = (await page.getByTestId("departments-count").textContent()) ?? "";
    expect(Number(countText.replace(/\D/g, ""))).toBe(expected);
    const firstCodes = await table.locator("tbody tr[data-code]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")));
    const fromDb = await app.database.db.department.findMany({ orderBy: { code: "asc" }, take: firstCodes.length, select: { code: true } });
    expect(firstCodes).toEqual(fromDb.map((d) => d.code));
    await browser.screenshot(page, "smoke-departments");

    await page.goto(`${app.baseUrl}/departments?q=Morelia`);
    const morelia = table.locator('tbody tr[data-code="MX-16-053-MUN"]');
    await morelia.waitFor();
    expect(await morelia.textContent()).toContain("Dirección de Seguridad Pública Municipal de Morelia");
    await page.close();
  });
});
