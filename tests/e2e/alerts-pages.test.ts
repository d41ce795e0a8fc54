import { describe, expect, it } from "vitest";
import { ensureDefaultSubscriptions } from "~/server/alerts/defaults";
import { createUnsubscribeToken } from "~/server/alerts/unsubscribe-token";
import { enqueueEmail } from "~/server/email/outbox";
import { useAppAndBrowser } from "../support/e2e";
import { signIn } from "../support/sign-in";

/** The alert settings page, the outbox admin page and one-click unsubscribe, in Chromium against the built app. */

const e2e = useAppAndBrowser();

const userId = async (email: string) => (await e2e.app.database.db.user.findUniqueOrThrow({ where: { email } })).id;

// Each user signs in once here (a TOTP code is accepted once per user).
describe("alert pages", () => {
  it("lets the Michoacán AG change an alert and keeps their scope to Michoacán", async () => {
    const page = await e2e.browser.newPage();
    await signIn(page, e2e.app.baseUrl, "fiscal.michoacan@vigila.demo", "/settings/alerts");
    await expect.poll(() => page.getByRole("heading", { name: "Mis avisos por correo" }).count()).toBe(1);
    const level = page.getByTestId("sub-LEVEL_ROSE");
    await level.getByLabel("Frecuencia").selectOption("DAILY");
    await level.getByLabel("Todo lo que mi perfil permite ver").uncheck();
    // Only Michoacán is offered to a Michoacán AG.
    expect(await level.getByRole("group", { name: "Entidades elegidas" }).getByRole("checkbox").count()).toBe(1);
    await level.getByLabel("Michoacán").check();
    await page.getByLabel("Hora de entrega de los resúmenes").selectOption("6");
    await page.getByRole("button", { name: "Guardar avisos" }).click();
    await expect
      .poll(() => page.getByText("Avisos guardados.").count(), { timeout: 10_000 })
      .toBe(1)
      .catch(async (err: unknown) => {
        throw new Error(`${(err as Error).message}\n${await page.locator("main").innerText()}`);
      });
    await e2e.checkPage(page, "alerts-settings");
    const saved = await e2e.app.database.db.alertSubscription.findUniqueOrThrow({
      where: { userId_trigger: { userId: await userId("fiscal.michoacan@vigila.demo"), trigger: "LEVEL_ROSE" } },
    });
    expect(saved).toMatchObject({ frequency: "DAILY", stateCodes: ["16"], deliveryHour: 6, version: 2 });
  });

  it("shows the outbox backlog and failures to the administrator, who can retry them", async () => {
    const { db } = e2e.app.database;
    const supervisor = await db.user.findUniqueOrThrow({ where: { email: "supervisor@vigila.demo" } });
    for (const key of ["e2e:waiting", "e2e:failed"]) {
      await enqueueEmail(db, {
        idempotencyKey: key,
        userId: supervisor.id,
        toAddress: supervisor.email,
        recipientRole: supervisor.role,
        recipientState: null,
        subject: `Prueba ${key}`,
        html: "<p>x</p>",
        text: "x",
        headers: {},
      });
    }
    await db.outboxEmail.update({
      where: { idempotencyKey: "e2e:failed" },
      data: { status: "FAILED", attempts: 1, lastError: "EMESSAGE: 550 Mailbox unavailable" },
    });
    const page = await e2e.browser.newPage();
    await signIn(page, e2e.app.baseUrl, "admin@vigila.demo", "/admin/outbox");
    const summary = page.getByTestId("outbox-summary");
    // The seeded evaluation's own alerts wait in the outbox too (no sender runs here).
    const backlog = await db.outboxEmail.count({ where: { status: { in: ["PENDING", "SENDING"] } } });
    expect(backlog).toBeGreaterThanOrEqual(1);
    await expect.poll(() => summary.textContent()).toMatch(new RegExp(`(^|\\D)${backlog.toLocaleString("es-MX")} por enviar`));
    expect(await summary.textContent()).toMatch(/Fallidos: 1/);
    await page.getByRole("link", { name: /^Fallidos \(1\)/ }).click();
    await expect.poll(() => page.getByTestId("outbox-table").textContent()).toMatch(/550 Mailbox unavailable/);
    await e2e.checkPage(page, "admin-outbox-failed");
    await page.getByTestId("outbox-table").getByRole("button", { name: "Reintentar" }).click();
    await expect
      .poll(async () => (await db.outboxEmail.findUniqueOrThrow({ where: { idempotencyKey: "e2e:failed" } })).status)
      .toBe("PENDING");
  });

  it("refuses the outbox page to other roles", async () => {
    const page = await e2e.browser.newPage();
    await signIn(page, e2e.app.baseUrl, "supervisor@vigila.demo", "/admin/outbox");
    await expect.poll(() => page.getByText("Solo la administración puede ver la bandeja de salida.").count()).toBe(1);
  });

  it("unsubscribes with one click from the email link, without signing in", async () => {
    const id = await userId("fiscal.michoacan@vigila.demo");
    await ensureDefaultSubscriptions(e2e.app.database.db, [id]);
    const token = createUnsubscribeToken(id, ["SERIOUS_ABUSE_SUSTAINED"], new Date());
    const url = `${e2e.app.baseUrl}/api/alerts/unsubscribe?token=${encodeURIComponent(token)}`;
    const page = await e2e.browser.newPage();
    await page.goto(url);
    // Opening the link only asks; mail scanners that follow links change nothing.
    const sub = () =>
      e2e.app.database.db.alertSubscription.findUniqueOrThrow({
        where: { userId_trigger: { userId: id, trigger: "SERIOUS_ABUSE_SUSTAINED" } },
      });
    expect((await sub()).enabled).toBe(true);
    await page.getByRole("button", { name: /Confirmar/ }).click();
    await expect.poll(() => page.getByRole("heading").first().textContent()).toMatch(/Listo/);
    expect((await sub()).enabled).toBe(false);
    // RFC 8058: what a mail provider sends, no cookies, no Origin.
    const oneClick = await fetch(url, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(oneClick.status).toBe(200);
    const forged = await fetch(`${url.slice(0, -5)}AAAAA`, { method: "POST", body: "List-Unsubscribe=One-Click" });
    expect(forged.status).toBe(400);
  });
});
