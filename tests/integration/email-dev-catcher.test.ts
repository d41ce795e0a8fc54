import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevCatcher } from "~/server/email/dev-catcher";
import { listCaughtMail, mailDir, readCaughtMail } from "~/server/email/dev-mailbox";
import { smtpTransport } from "~/server/email/transport";

describe("demo mail catcher", () => {
  let dataDir: string;
  let catcher: Awaited<ReturnType<typeof startDevCatcher>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "vigila-mail-"));
    catcher = await startDevCatcher(dataDir);
  });
  afterAll(async () => {
    await catcher?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("accepts mail over SMTP on 127.0.0.1 and keeps it browsable, headers and both bodies", async () => {
    const transport = smtpTransport(`smtp://127.0.0.1:${catcher.port}`, "Vigila <alertas@vigila.test>");
    try {
      const { response } = await transport.send({
        to: "fiscal@vigila.test",
        subject: "Vigila: Subió el nivel de alerta",
        html: "<p>Policía de Morelia: de <b>vigilancia</b> a revisión.</p>",
        text: "Policía de Morelia: de vigilancia a revisión.",
        messageId: "<abc123.alert@vigila.test>",
        headers: { "List-Unsubscribe": "<http://127.0.0.1/u?token=x>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
        date: new Date("2026-06-30T18:00:00Z"),
      });
      expect(response).toMatch(/^250 Stored as \d{13}-[0-9a-f]{8}\.eml$/);
    } finally {
      transport.close();
    }
    const [summary] = await listCaughtMail(10, dataDir);
    expect(summary).toMatchObject({
      to: "fiscal@vigila.test",
      subject: "Vigila: Subió el nivel de alerta",
      messageId: "<abc123.alert@vigila.test>",
    });
    const mail = await readCaughtMail(summary!.id, dataDir);
    expect(mail?.html).toContain("<b>vigilancia</b>");
    expect(mail?.text).toContain("de vigilancia a revisión");
    expect(mail?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("is shared by every worker using the same data folder", async () => {
    const second = await startDevCatcher(dataDir);
    expect(second.port).toBe(catcher.port);
    await second.stop();
  });

  it("opens only its own message files", async () => {
    await writeFile(path.join(dataDir, "secret.txt"), "not mail");
    expect(await readCaughtMail("../secret.txt", dataDir)).toBeNull();
    expect(await readCaughtMail("9999999999999-deadbeef.eml", dataDir)).toBeNull();
    expect(mailDir(dataDir)).toBe(path.join(dataDir, "mail"));
  });
});
