import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e";
import { signIn } from "../support/sign-in";

/**
 * The dashboard's flows per role in Chromium against the built app and the demo data: every page
 * visited is checked with axe-core (no violations), watched for CSP refusals, and screenshotted
 * under test-results/.
 */
const e2e = useAppAndBrowser();
const MORELIA = "MX-16-053-MUN";
const JALISCO_STATE_POLICE = "MX-14-000-EST";

/** Screenshots of this file are test-results/dashboard-<name>.png. */
const checkPage = (page: Page, name: string) => e2e.checkPage(page, `dashboard-${name}`);
const watchedPage = () => e2e.watchedPage();

const chartsDrawn = (page: Page) => page.locator("[data-testid=trend-charts] .recharts-surface").first().waitFor();

describe("dashboard flows", () => {
  it("the analyst finds a flagged department through the filters and opens its dossier, officers and complaints", async () => {
    const { page, cspViolations } = await watchedPage();
    await signIn(page, e2e.app.baseUrl, "analista@vigila.demo", "/");
    await page.locator("[data-testid=kpi-cards]").waitFor();
    await page.locator("[data-testid=state-map] a[data-state]").first().waitFor();
    await chartsDrawn(page);
    await checkPage(page, "overview");

    await Promise.all([page.waitForURL("**/states/16"), page.locator('[data-testid=states-table] a[href="/states/16"]').click()]);
    await page.locator("[data-testid=state-departments-table]").waitFor();
    // A department's level as a badge, no always-1 departments column, sortable by any column.
    const headers = await page.locator("[data-testid=state-departments-table] th[scope=col]").allTextContents();
    expect(headers).not.toContain("Corporaciones");
    expect(await page.locator("[data-testid=state-departments-table] tbody [data-level]").count()).toBeGreaterThan(0);
    await page.locator("[data-testid=state-departments-table] button[data-sort=name]").click();
    await page.locator('[data-testid=state-departments-table] th[aria-sort="descending"]').waitFor();
    await chartsDrawn(page);
    await checkPage(page, "state");

    await page.goto(`${e2e.app.baseUrl}/departments`);
    await page.locator("#filter-state").selectOption("16");
    await page.locator("#filter-level").selectOption("REVIEW");
    await Promise.all([page.waitForURL(/level=REVIEW/), page.getByRole("button", { name: "Aplicar filtros" }).click()]);
    expect(new URL(page.url()).searchParams.get("state")).toBe("16");
    const row = page.locator(`[data-testid=departments-table] tbody tr[data-code="${MORELIA}"]`);
    await row.waitFor();
    const codes = await page
      .locator("[data-testid=departments-table] tbody tr[data-code]")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")!));
    expect(codes.every((code) => code.startsWith("MX-16-"))).toBe(true);
    await checkPage(page, "departments-filtered");

    await Promise.all([page.waitForURL(`**/departments/${MORELIA}`), row.getByRole("link").first().click()]);
    const rule = page.locator('[data-testid=rules-table] tr[data-rule="corruption-not-reduced"]');
    await rule.waitFor();
    expect(await rule.textContent()).toMatch(/Revisión/);
    expect(await rule.textContent()).toMatch(/entre \d+ corporaciones de tipo municipal/);
    await chartsDrawn(page);
    await checkPage(page, "dossier");

    await rule.locator("summary").click();
    const complaintLink = rule.locator('a[href^="/complaints/"]').first();
    await Promise.all([page.waitForURL(/\/complaints\//), complaintLink.click()]);
    await page.locator("[data-testid=complaint-details]").waitFor();
    expect(await page.locator("[data-testid=complaint-summary]").count()).toBe(1); // analysts may read complainant data
    await checkPage(page, "complaint");

    await Promise.all([page.waitForURL(/\/officers\//), page.locator("[data-testid=complaint-officers] a").first().click()]);
    await page.locator("[data-testid=officer-standing]").waitFor();
    await checkPage(page, "officer");
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it("the map's colours fit the indicator shown, with the class bounds in the legend", async () => {
    const { page, cspViolations } = await watchedPage();
    await signIn(page, e2e.app.baseUrl, "analista@vigila.demo", "/");
    await page.goto(`${e2e.app.baseUrl}/?indicator=vettingCoverage`);
    await page.locator("[data-testid=state-map] a[data-state]").first().waitFor();
    const fills = await page
      .locator("[data-testid=state-map] a[data-state] path")
      .evaluateAll((paths) => paths.map((p) => p.getAttribute("fill")));
    expect(new Set(fills).size).toBeGreaterThanOrEqual(4);
    const legend = await page.locator("[data-testid=map-legend] li").allTextContents();
    expect(legend.length).toBeGreaterThanOrEqual(4);
    expect(legend[0]).toMatch(/^de [\d.,]+\s?% a menos de [\d.,]+\s?%$/);
    await checkPage(page, "overview-coverage");
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it("an attorney general's home page is her state's overview, the map centred on it", async () => {
    const { page, cspViolations } = await watchedPage();
    await signIn(page, e2e.app.baseUrl, "fiscal.michoacan@vigila.demo", "/");
    await page.getByRole("heading", { name: "Panorama de Michoacán", level: 1 }).waitFor();
    expect(await page.locator("[data-testid=state-map] svg").getAttribute("data-focus")).toBe("16");
    expect(
      await page.locator("[data-testid=state-map] a[data-state]").evaluateAll((a) => a.map((x) => x.getAttribute("data-state"))),
    ).toEqual(["16"]);
    await checkPage(page, "overview-state-ag");
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it("a supervisor dismisses a recommendation as a false positive with a reason", async () => {
    const { page, cspViolations } = await watchedPage();
    await signIn(page, e2e.app.baseUrl, "supervisor@vigila.demo", "/queues");
    const card = page.locator("[data-testid=recommendation-queue] li[data-recommendation]").first();
    await card.waitFor();
    await checkPage(page, "queue-recommendations");
    const id = Number(await card.getAttribute("data-recommendation"));
    await card.getByLabel("Descartar").check();
    await card.getByLabel("Motivo").selectOption("FALSE_POSITIVE");
    const justification = "Los elementos señalados fueron reevaluados la semana pasada; el dato de origen estaba desfasado.";
    await card.getByLabel("Justificación").fill(justification);
    await card.getByRole("button", { name: "Registrar decisión" }).click();
    await page.locator(`li[data-recommendation="${id}"]`).waitFor({ state: "detached" });
    const decided = await e2e.app.database.db.recommendation.findUniqueOrThrow({ where: { id } });
    expect(decided).toMatchObject({ status: "DISMISSED", dismissReason: "FALSE_POSITIVE", justification });
    await page.goto(`${e2e.app.baseUrl}/queues?tab=receivership`);
    await page.locator("[data-testid=receivership-board]").waitFor();
    await checkPage(page, "queue-receivership");
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it("the Michoacán AG opens a review of a Michoacán department and cannot reach a Jalisco one", async () => {
    const { page, cspViolations } = await watchedPage();
    await signIn(page, e2e.app.baseUrl, "fiscal.michoacan@vigila.demo", `/departments/${MORELIA}`);
    const form = page.locator("[data-testid=open-review]");
    await form.locator("summary").click();
    const scope = "Revisión de quejas por corrupción y colusión del último año y de su atención interna.";
    await form.getByLabel("Alcance de la revisión").fill(scope);
    await form.getByRole("button", { name: "Abrir revisión" }).click();
    await form.getByRole("status").waitFor();
    const ag = await e2e.app.database.db.user.findUniqueOrThrow({ where: { email: "fiscal.michoacan@vigila.demo" } });
    expect(await e2e.app.database.db.review.findFirst({ where: { ownerId: ag.id, department: { code: MORELIA } } })).toMatchObject({
      status: "OPEN",
      scope,
    });

    await page.goto(`${e2e.app.baseUrl}/queues?tab=reviews`);
    await page.locator(`[data-testid=review-queue] li[data-department="${MORELIA}"]`).waitFor();
    await checkPage(page, "queue-reviews");

    const jalisco = await page.goto(`${e2e.app.baseUrl}/departments/${JALISCO_STATE_POLICE}`);
    expect(jalisco?.status()).toBe(404);
    await page.getByRole("heading", { name: "No encontrado" }).waitFor();
    await checkPage(page, "not-found");
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it("the auditor reads the audit log, which shows the views of sensitive records", async () => {
    const { page, cspViolations } = await watchedPage();
    await signIn(page, e2e.app.baseUrl, "auditor@vigila.demo", "/audit");
    await page.getByRole("heading", { level: 1 }).waitFor();
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).toMatch(/department\.view|complaint\.view|officer\.view/);
    // Each action and object in words, each actor by name (the seeded events are the demo users').
    expect(text).toMatch(/Consulta de expediente|Consulta de queja|Consulta de ficha de elemento/);
    expect(text).not.toMatch(/#\d+/);
    await checkPage(page, "audit");
    // The log in English too (its own namespace); switched back so later steps start in Spanish.
    await page.locator("#language-switcher").selectOption("en");
    await page.getByRole("heading", { name: "Audit log", level: 1 }).waitFor();
    await page.getByRole("columnheader", { name: "Date and time (Mexico City)" }).waitFor();
    await page.locator("#language-switcher").selectOption("es");
    await page.getByRole("heading", { name: "Bitácora de auditoría", level: 1 }).waitFor();
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it("switches the language to English and keeps it", async () => {
    const { page } = await watchedPage();
    await signIn(page, e2e.app.baseUrl, "analista@vigila.demo", "/about");
    await page.getByRole("heading", { name: "Acerca de Vigila" }).waitFor();
    await checkPage(page, "about");
    await page.locator("#language-switcher").selectOption("en");
    await page.getByRole("heading", { name: "About Vigila" }).waitFor();
    await page.goto(`${e2e.app.baseUrl}/`);
    await page.getByRole("heading", { name: "National overview", level: 1 }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en-US");
    await chartsDrawn(page);
    await checkPage(page, "overview-en");
    await page.close();
  });
});
