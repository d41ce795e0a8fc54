import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { proposeReceivership } from "~/server/receivership/propose";
import { DEMO_PASSWORD } from "~/server/users/demo-users";
import { useAppAndBrowser } from "../support/e2e";
import { pdfText } from "../support/pdf-text";
import { freshCode, signIn } from "../support/sign-in";

/**
 * Imposing a receivership in Chromium: two distinct approvers, each re-authenticating, one of them
 * by keyboard only; then the department dossier as a PDF over HTTP, whose text must carry the level
 * and the figures the dossier page shows.
 */
const e2e = useAppAndBrowser();
const MORELIA = "MX-16-053-MUN";
const JALISCO_STATE_POLICE = "MX-14-000-EST";
const LEGAL_BASIS =
  "Artículo 115, fracción VII, de la Constitución: el Gobernador asume el mando de la policía municipal por fuerza mayor.";
let caseId: number;

beforeAll(async () => {
  const { db } = e2e.app.database;
  const supervisor = await db.user.findUniqueOrThrow({ where: { email: "supervisor@vigila.demo" } });
  const proposal = await proposeReceivership(
    db,
    { userId: supervisor.id, role: supervisor.role, stateCode: null },
    {
      departmentCode: MORELIA,
      receivingAuthority: "Secretaría de Seguridad Pública de Michoacán",
      terms: "Mando de la policía municipal por seis meses, con depuración por control de confianza.",
      legalBasis: LEGAL_BASIS,
    },
  );
  caseId = proposal.id;
});

const caseCard = (page: Page, column: string) => page.locator(`[data-column=${column}] [data-case="${caseId}"]`);
const dbCase = () => e2e.app.database.db.receivershipCase.findUniqueOrThrow({ where: { id: caseId }, include: { approvals: true } });

/** Fills the re-authentication form that the first approval asks for and submits it. */
async function reauthenticate(page: Page, email: string) {
  const form = page.getByRole("form", { name: "Confirme su identidad" });
  await form.getByLabel("Contraseña").fill(DEMO_PASSWORD);
  await form.getByLabel("Código de verificación").fill(await freshCode(email));
  await form.getByRole("button", { name: "Confirmar y continuar" }).click();
}

/** Presses Tab until `target` has the focus (bounded), as a keyboard-only user would. */
async function tabTo(page: Page, isTarget: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    if (await isTarget()) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Signs `email` in and opens the receivership board once the proposed case shows `approvals`. */
async function openBoard(email: string, approvals: string) {
  const { page, cspViolations } = await e2e.watchedPage();
  await signIn(page, e2e.app.baseUrl, email, "/queues");
  await page.goto(`${e2e.app.baseUrl}/queues?tab=receivership`);
  const card = caseCard(page, "PROPOSED");
  await card.getByText(approvals).waitFor();
  return { page, cspViolations, card };
}

describe("receivership approval", () => {
  it("a supervisor approves by keyboard after re-authenticating, and cannot give the second approval", async () => {
    const { page, cspViolations, card } = await openBoard("supervisor@vigila.demo", "sin aprobaciones");
    await e2e.checkPage(page, "receivership-board-proposed");

    // Keyboard only: Tab to the case's approve button, Enter; Tab into the form, type, Enter.
    const approve = card.getByRole("button", { name: "Aprobar" });
    await tabTo(page, () => approve.evaluate((el) => el === document.activeElement), "the approve button");
    await page.keyboard.press("Enter");
    const password = card.getByLabel("Contraseña");
    await password.waitFor();
    await tabTo(page, () => password.evaluate((el) => el === document.activeElement), "the password field");
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Tab");
    await page.keyboard.type(await freshCode("supervisor@vigila.demo"));
    await e2e.checkPage(page, "receivership-reauth");
    await page.keyboard.press("Enter");

    await card.getByText("1 aprobación de 2").waitFor();
    const afterFirst = await dbCase();
    expect(afterFirst.status).toBe("PROPOSED");
    expect(afterFirst.approvals.map((a) => a.role)).toEqual(["IA_SUPERVISOR"]);

    await approve.click();
    await card.getByRole("alert").waitFor();
    expect(await card.getByRole("alert").textContent()).toMatch(
      /Usted ya aprobó esta intervención; otra persona debe dar la segunda aprobación/,
    );
    expect((await dbCase()).approvals).toHaveLength(1);
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  // One session for the AG (sign-in and re-authentication each take a TOTP step).
  it("the Michoacán AG gives the second approval, the case is imposed, and the dossier PDF holds the page's figures", async () => {
    const { page, cspViolations, card } = await openBoard("fiscal.michoacan@vigila.demo", "1 aprobación de 2");
    await card.getByRole("button", { name: "Aprobar" }).click();
    await reauthenticate(page, "fiscal.michoacan@vigila.demo");

    await caseCard(page, "IMPOSED").waitFor();
    expect(await caseCard(page, "PROPOSED").count()).toBe(0);
    const imposed = await dbCase();
    expect(imposed.status).toBe("IMPOSED");
    expect(imposed.approvals.map((a) => a.role).sort()).toEqual(["IA_SUPERVISOR", "STATE_AG"]);
    expect(imposed.startDate).not.toBeNull();
    await e2e.checkPage(page, "receivership-board-imposed");
    expect(cspViolations).toEqual([]);

    await page.goto(`${e2e.app.baseUrl}/departments/${MORELIA}`);
    const rules = page.locator("[data-testid=rules-table] tbody tr[data-rule]");
    await rules.first().waitFor();
    const level = (await page.locator("main [data-level]").first().innerText()).trim();
    const ruleFigures = await rules.evaluateAll((rows) =>
      rows.map((r) =>
        Array.from(r.querySelectorAll("td"))
          .slice(0, 2)
          .map((td) => (td.textContent ?? "").trim()),
      ),
    );
    const metrics = await page
      .locator("[data-testid=metric-cards] > *")
      .evaluateAll((cards) => cards.map((c) => Array.from(c.children).map((x) => (x.textContent ?? "").trim())));
    expect(ruleFigures.length).toBeGreaterThan(3);
    expect(metrics.length).toBe(6);

    const response = await page.context().request.get(`${e2e.app.baseUrl}/departments/${MORELIA}/dossier.pdf`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["cache-control"]).toMatch(/no-store/);
    const pdf = await response.body();
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(pdf);
    expect(text).toContain(`Nivel actual ${level}`);
    for (const [ruleLevel, value] of ruleFigures) expect(text).toContain(`${ruleLevel} ${value} `);
    for (const [label, value] of metrics) expect(text).toContain(`${label} ${value}`);

    const outOfScope = await page.context().request.get(`${e2e.app.baseUrl}/departments/${JALISCO_STATE_POLICE}/dossier.pdf`);
    expect(outOfScope.status()).toBe(404);
    expect(outOfScope.headers()["content-type"]).not.toMatch(/pdf/);
    await page.close();
  });
});
