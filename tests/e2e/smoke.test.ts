import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e";
import { signIn } from "../support/sign-in";

/** The built app in Chromium against a seeded database: sign in as a demo account, see real rows. */

const e2e = useAppAndBrowser();

describe("smoke", () => {
  it("an analyst signs in and /departments lists the seeded departments", async () => {
    const { app, browser } = e2e;
    const page = await browser.newPage();
    const response = await page.goto(`${app.baseUrl}/departments`);
    expect(response?.ok()).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/login"); // nothing without signing in
    await page.locator("#email").waitFor();
    await e2e.checkPage(page, "login");

    await signIn(page, app.baseUrl, "analista@vigila.demo", "/departments");
    const table = page.getByTestId("departments-table");
    await table.locator("tbody tr[data-code]").first().waitFor();
    const expected = await app.database.db.department.count();
    const countText = (await page.getByTestId("departments-count").textContent()) ?? "";
    expect(Number(countText.replace(/\D/g, ""))).toBe(expected);
    const firstCodes = await table.locator("tbody tr[data-code]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")));
    const fromDb = await app.database.db.department.findMany({ orderBy: { code: "asc" }, take: firstCodes.length, select: { code: true } });
    expect(firstCodes).toEqual(fromDb.map((d) => d.code));
    await e2e.checkPage(page, "smoke-departments");

    await page.goto(`${app.baseUrl}/departments?q=Morelia`);
    const morelia = table.locator('tbody tr[data-code="MX-16-053-MUN"]');
    await morelia.waitFor();
    expect(await morelia.textContent()).toContain("Dirección de Seguridad Pública Municipal de Morelia");
    await page.close();
  });

  it("a page that fails says so and offers a retry, keeping the navigation", async () => {
    const { app, browser } = e2e;
    const page = await browser.newPage();
    await signIn(page, app.baseUrl, "auditor@vigila.demo", "/");
    // A malformed id (longer than any officer id) is answered like an unknown one: the not-found page.
    await page.goto(`${app.baseUrl}/officers/${"X".repeat(31)}`);
    await page.getByRole("heading", { name: "No encontrado" }).waitFor();

    // A real server failure: a table the officer page reads is briefly missing, so its query fails.
    const { id } = await app.database.db.officer.findFirstOrThrow({ select: { id: true }, orderBy: { id: "asc" } });
    await app.database.db.$executeRawUnsafe('ALTER TABLE "OfficerAssignment" RENAME TO "OfficerAssignment_hidden"');
    try {
      await page.goto(`${app.baseUrl}/officers/${encodeURIComponent(id)}`);
      await page.getByRole("heading", { name: "Algo salió mal" }).waitFor();
    } finally {
      await app.database.db.$executeRawUnsafe('ALTER TABLE "OfficerAssignment_hidden" RENAME TO "OfficerAssignment"');
    }
    expect(await page.getByRole("button", { name: "Reintentar" }).count()).toBe(1);
    expect(await page.getByRole("navigation", { name: "Principal" }).count()).toBe(1);
    await e2e.checkPage(page, "error");
    await page.close();
  });
});
