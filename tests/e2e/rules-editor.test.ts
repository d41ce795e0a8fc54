import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WorkerHandle, startWorker } from "~/server/jobs/worker";
import { dryRun } from "~/server/rule-sets/dry-run";
import { todayIn } from "~/server/rules/dates";
import { useAppAndBrowser } from "../support/e2e";
import { signIn } from "../support/sign-in";

/**
 * The rule editor in Chromium against the built app and the demo data: an ADMIN drafts a stricter
 * vetting threshold, sees the server's per-field error for a bad window, saves, dry-runs (the rows
 * shown are exactly the service's answer on the same data), backtests on a real pg-boss worker
 * (progress bar to the end, two charts), and publishes.
 */

const e2e = useAppAndBrowser();
let worker: WorkerHandle;

beforeAll(async () => {
  worker = await startWorker({ db: e2e.app.database.db, url: e2e.app.database.url, transport: null });
});

afterAll(async () => {
  await worker?.stop();
});

describe("rule editor", () => {
  it("drafts, validates, dry-runs, backtests and publishes a new federal-baseline version", async () => {
    const { db } = e2e.app.database;
    const page = await e2e.browser.newPage();
    page.on("dialog", (dialog) => void dialog.accept());
    await signIn(page, e2e.app.baseUrl, "admin@vigila.demo", "/rules");
    await page.locator('tr[data-version="1"]').waitFor();
    await e2e.checkPage(page, "rules-list");
    await page.locator('tr[data-version="1"]').getByRole("button").click();
    await page.waitForURL(/\/rules\/\d+$/);
    const draftId = Number(new URL(page.url()).pathname.split("/").pop());
    expect(await db.ruleSetVersion.findUniqueOrThrow({ where: { id: draftId } })).toMatchObject({ status: "DRAFT", version: 2 });

    // An impossible window: the engine's own schema refuses it and the form says so next to the field.
    const windowDays = page.locator("#f-rules-2-params-windowDays");
    await windowDays.waitFor();
    await e2e.checkPage(page, "rules-editor-draft");
    await windowDays.fill("0");
    await page.getByRole("button", { name: "Guardar borrador" }).click();
    const problem = page.locator("#f-rules-2-params-windowDays-problems");
    await problem.waitFor();
    expect(await problem.textContent()).toContain(">=1");
    expect((await db.ruleSetVersion.findUniqueOrThrow({ where: { id: draftId } })).lockVersion).toBe(1);

    await windowDays.fill("365");
    await page.locator("#f-rules-0-levels-0-when-0-constant").fill("95");
    await page.getByRole("button", { name: "Guardar borrador" }).click();
    await page.getByText("Borrador guardado.").waitFor();
    const saved = await db.ruleSetVersion.findUniqueOrThrow({ where: { id: draftId } });
    expect(saved.lockVersion).toBe(2);
    expect((saved.definition as { rules: { levels: { when: unknown }[] }[] }).rules[0]!.levels[0]!.when).toEqual({
      figure: "V",
      op: "<",
      than: 95,
    });

    await page.getByRole("button", { name: "Simular" }).click();
    const result = page.getByTestId("dry-run-result");
    await result.waitFor({ timeout: 60_000 });
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@vigila.demo" } });
    const expected = await dryRun(db, { userId: admin.id, role: "ADMIN", stateCode: null }, { versionId: draftId, asOf: todayIn() });
    expect(expected.changes.length).toBeGreaterThan(0);
    const shown = await result.locator("tr[data-change]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-change")));
    expect(shown).toEqual(expected.changes.map((c) => c.code));
    for (const level of ["NONE", "WATCH", "REVIEW", "RECEIVERSHIP"] as const) {
      const cells = await result.locator(`tr[data-count-level="${level}"] td`).allTextContents();
      expect(cells).toEqual([String(expected.counts.current[level]), String(expected.counts.candidate[level])]);
    }

    await page.getByRole("button", { name: "Iniciar prueba histórica" }).click();
    const backtest = page.locator('[data-testid="backtest"][data-status="SUCCEEDED"]');
    await backtest.waitFor({ timeout: 120_000 });
    expect(await page.locator("#backtest-progress").getAttribute("value")).toBe("48");
    expect(await page.getByTestId("backtest-chart").count()).toBe(2);
    expect(await db.backtestPoint.count({ where: { backtest: { ruleSetVersionId: draftId } } })).toBe(48);
    await e2e.checkPage(page, "rules-editor");

    await page.getByRole("button", { name: "Publicar" }).click();
    await page.getByText("Esta versión está publicada y no puede modificarse.", { exact: false }).waitFor();
    expect(await db.ruleSetVersion.findUniqueOrThrow({ where: { id: draftId } })).toMatchObject({ status: "PUBLISHED", version: 2 });
    await page.close();
  });

  it("is not there for other roles", async () => {
    const page = await e2e.browser.newPage();
    await signIn(page, e2e.app.baseUrl, "analista@vigila.demo", "/rules");
    // The URL changes before the not-found page has rendered: wait for it, then check it is alone.
    const notFound = page.getByRole("heading", { name: "No encontrado" });
    await notFound.waitFor();
    expect(await notFound.count()).toBe(1);
    expect(await page.getByRole("heading", { name: /Reglas|Rule sets/ }).count()).toBe(0);
    await page.close();
  });
});
