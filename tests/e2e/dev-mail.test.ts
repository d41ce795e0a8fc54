import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getAuthSecret } from "~/server/auth/secret";
import { listCaughtMail } from "~/server/email/dev-mailbox";
import { ensureDemoUsers } from "~/server/users/demo-users";
import { startAppServer } from "../support/app-server";
import { useAppAndBrowser } from "../support/e2e";
import { signIn } from "../support/sign-in";
import { exited, spawnVigila } from "../support/worker-process";

/**
 * The demo mail catcher's inbox at /dev/mail in Chromium: `vigila alerts:run --now` in demo mode
 * sends the alerts to the built-in SMTP catcher, and the administrator reads them in the browser.
 * The app gets a private data folder, so only this file's mail is in its inbox.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), "vigila-e2e-mail-"));
const e2e = useAppAndBrowser({ dataDir });

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("/dev/mail", () => {
  it("shows the administrator, in demo mode, the alert emails the built-in catcher received", async () => {
    const { db, url } = e2e.app.database;
    const run = spawnVigila(["alerts:run", "--now"], {
      DATABASE_URL: url,
      VIGILA_DEMO: "1",
      VIGILA_DATA_DIR: dataDir,
      AUTH_SECRET: getAuthSecret(),
    });
    const code = await exited(run);
    expect(code, run.output.join("")).toBe(0);
    const caught = await listCaughtMail(100, dataDir);
    const sent = await db.outboxEmail.findMany({ where: { status: "SENT" }, select: { messageId: true, subject: true } });
    expect(sent.length).toBeGreaterThan(0);
    // Every email the outbox recorded as sent is in the catcher's store, once.
    expect(caught.map((m) => m.messageId).sort()).toEqual(sent.map((m) => m.messageId).sort());

    const { page, cspViolations } = await e2e.watchedPage();
    await signIn(page, e2e.app.baseUrl, "admin@vigila.demo", "/dev/mail");
    const list = page.getByTestId("dev-mail-list");
    await list.locator("li").first().waitFor();
    expect(await list.locator("li").count()).toBe(caught.length);
    await e2e.checkPage(page, "dev-mail-inbox");

    const newest = caught[0]!;
    await Promise.all([page.waitForURL((u) => u.searchParams.get("id") === newest.id), list.locator("a").first().click()]);
    const message = page.getByRole("region", { name: "Mensaje", exact: true });
    await message.waitFor();
    expect(await message.getByText(newest.subject, { exact: true }).count()).toBe(1);
    expect(await message.locator("dd").nth(1).textContent()).toBe(newest.messageId);
    expect(await message.locator("dd").nth(2).textContent()).toMatch(/\/api\/alerts\/unsubscribe\?token=/);
    expect(await message.locator('iframe[title="Vista HTML"]').count()).toBe(1);
    await message.getByText("Texto plano").click();
    expect(await message.locator("pre").textContent()).toMatch(/\/settings\/alerts/);
    await e2e.checkPage(page, "dev-mail-message");
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it("does not exist for other roles", async () => {
    const page = await e2e.browser.newPage();
    await signIn(page, e2e.app.baseUrl, "supervisor@vigila.demo", "/");
    const response = await page.goto(`${e2e.app.baseUrl}/dev/mail`);
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { name: "No encontrado" }).waitFor();
    expect(await page.getByTestId("dev-mail-list").count()).toBe(0);
    await page.close();
  });

  it("does not exist outside demo mode, even for the administrator", async () => {
    const app = await startAppServer({ seed: false, demo: false });
    try {
      await ensureDemoUsers(app.database.db);
      const page = await e2e.browser.newPage();
      await signIn(page, app.baseUrl, "admin@vigila.demo", "/");
      const response = await page.goto(`${app.baseUrl}/dev/mail`);
      expect(response?.status()).toBe(404);
      await page.getByRole("heading", { name: "No encontrado" }).waitFor();
      await page.close();
    } finally {
      await app.stop();
    }
  });
});
