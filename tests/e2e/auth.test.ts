import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { totpCodeAt } from "~/server/auth/totp";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "~/server/users/demo-users";
import { useAppAndBrowser } from "../support/e2e";
import { signIn } from "../support/sign-in";

/** Sign-in with MFA, lock-out and state scoping, in Chromium against the built app. */

const e2e = useAppAndBrowser();
const GENERIC_ERROR = /No fue posible iniciar sesión/;

async function fillLogin(page: Page, email: string, password: string, code: string, acknowledge = true) {
  if (acknowledge) await page.getByLabel(/He leído y acepto el aviso/).check();
  await page.getByLabel(/Correo electrónico/).fill(email);
  await page.getByLabel(/Contraseña/).fill(password);
  await page.getByLabel(/Código de verificación/).fill(code);
  await page.getByRole("button", { name: /Iniciar sesión/ }).click();
}

const wrongCode = () => {
  const right = totpCodeAt(DEMO_TOTP_SECRET, new Date());
  return right === "000000" ? "111111" : "000000";
};

describe("sign-in with MFA", () => {
  it("sends an anonymous visitor to /login, requires the notice, refuses a wrong code, then signs in", async () => {
    const page = await e2e.browser.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
    });
    const first = await page.goto(`${e2e.app.baseUrl}/users`);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/login?next=%2Fusers");
    expect(first?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("email");

    await fillLogin(page, "admin@vigila.demo", DEMO_PASSWORD, totpCodeAt(DEMO_TOTP_SECRET, new Date()), false);
    await expect.poll(() => page.locator("#login-error").textContent()).toMatch(/acepte el aviso de uso del sistema/);

    await fillLogin(page, "admin@vigila.demo", DEMO_PASSWORD, wrongCode());
    await expect.poll(() => page.locator("#login-error").textContent()).toMatch(GENERIC_ERROR);
    expect(await page.getByLabel(/Código de verificación/).inputValue()).toBe("");
    expect(new URL(page.url()).pathname).toBe("/login");

    await fillLogin(page, "admin@vigila.demo", DEMO_PASSWORD, totpCodeAt(DEMO_TOTP_SECRET, new Date()));
    await page.waitForURL(`${e2e.app.baseUrl}/users`);
    await page.getByRole("heading", { name: "Usuarios" }).waitFor();
    expect(await page.getByRole("cell", { name: "fiscal.michoacan@vigila.demo" }).count()).toBe(1);
    const session = (await e2e.browser.context.cookies()).find((c) => c.name === "vigila.session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    expect(violations).toEqual([]);
    await e2e.checkPage(page, "auth-users");

    const db = e2e.app.database.db;
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@vigila.demo" } });
    expect(await db.userSession.count({ where: { userId: admin.id, endedAt: null } })).toBe(1);
    const outcomes = await db.auditEvent.findMany({
      where: { action: "auth.signIn", actorId: admin.id },
      orderBy: { id: "asc" },
      select: { outcome: true },
    });
    expect(outcomes.map((o) => o.outcome)).toEqual(["DENIED", "ALLOWED"]);
    await page.close();
  });
});

describe("lock-out", () => {
  it("locks an account after 5 failures, refuses even the right code, and an ADMIN unlocks it", async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.app.baseUrl}/login`);
    const db = e2e.app.database.db;
    const attempts = () => db.loginAttempt.count({ where: { email: "auditor@vigila.demo" } });
    for (let i = 1; i <= 5; i++) {
      await fillLogin(page, "auditor@vigila.demo", "no es la contraseña", wrongCode());
      await expect.poll(attempts).toBe(i);
      await expect.poll(() => page.locator("#login-error").textContent()).toMatch(GENERIC_ERROR);
      await expect.poll(() => page.getByRole("button", { name: /Iniciar sesión/ }).isEnabled()).toBe(true);
    }
    await expect.poll(async () => (await db.user.findUniqueOrThrow({ where: { email: "auditor@vigila.demo" } })).lockedAt).not.toBeNull();

    await fillLogin(page, "auditor@vigila.demo", DEMO_PASSWORD, totpCodeAt(DEMO_TOTP_SECRET, new Date()));
    await expect.poll(attempts).toBe(6);
    await expect.poll(() => page.locator("#login-error").textContent()).toMatch(GENERIC_ERROR);
    expect(new URL(page.url()).pathname).toBe("/login");

    await e2e.browser.context.clearCookies();
    await signIn(page, e2e.app.baseUrl, "supervisor@vigila.demo", "/");
    // Not an ADMIN: the users page does not exist for them.
    const asSupervisor = await page.goto(`${e2e.app.baseUrl}/users`);
    expect(asSupervisor?.status()).toBe(404);

    await e2e.browser.context.clearCookies();
    await signIn(page, e2e.app.baseUrl, "admin@vigila.demo", "/users", { stepsAhead: 1 });
    const row = page.getByRole("row", { name: /auditor@vigila\.demo/ });
    expect(await row.getByText("Bloqueada").count()).toBe(1);
    await row.getByRole("button", { name: "Desbloquear" }).click();
    await expect.poll(() => row.getByText("Bloqueada").count()).toBe(0);
    // The page in English too; switched back so the next sign-in starts in Spanish.
    await page.locator("#language-switcher").selectOption("en");
    await page.getByRole("heading", { name: "Users", level: 1 }).waitFor();
    await page.getByRole("columnheader", { name: "Last sign-in" }).waitFor();
    await page.locator("#language-switcher").selectOption("es");
    await page.getByRole("heading", { name: "Usuarios", level: 1 }).waitFor();

    await e2e.browser.context.clearCookies();
    await signIn(page, e2e.app.baseUrl, "auditor@vigila.demo", "/");
    await page.close();
  });
});

describe("state scoping", () => {
  it("a Michoacán AG sees a Michoacán department but a Jalisco one answers like one that does not exist", async () => {
    const db = e2e.app.database.db;
    const [michoacan, jalisco] = await Promise.all([
      db.department.findFirstOrThrow({ where: { stateCode: "16" }, orderBy: { code: "asc" } }),
      db.department.findFirstOrThrow({ where: { stateCode: "14" }, orderBy: { code: "asc" } }),
    ]);
    const page = await e2e.browser.newPage();
    await signIn(page, e2e.app.baseUrl, "fiscal.michoacan@vigila.demo", "/departments");
    const own = await page.goto(`${e2e.app.baseUrl}/departments/${encodeURIComponent(michoacan.code)}`);
    expect(own?.status()).toBe(200);
    await page.getByRole("heading", { name: michoacan.name }).waitFor();

    const other = await page.goto(`${e2e.app.baseUrl}/departments/${encodeURIComponent(jalisco.code)}`);
    const otherText = await page.locator("main").innerText();
    const missing = await page.goto(`${e2e.app.baseUrl}/departments/NO-EXISTE-999`);
    const missingText = await page.locator("main").innerText();
    expect(other?.status()).toBe(404);
    expect(missing?.status()).toBe(404);
    expect(otherText).toBe(missingText);
    expect(otherText).not.toContain(jalisco.name);
    await e2e.browser.screenshot(page, "auth-ag-out-of-scope");
    await page.close();
  });
});
