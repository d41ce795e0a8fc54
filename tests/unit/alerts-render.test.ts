import { render } from "@react-email/components";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { type RenderCache, renderOnce } from "~/server/alerts/compose";
import { AlertEmail, type AlertEmailProps } from "~/server/email/templates/alert-email";

const props = (lines: string[]): AlertEmailProps => ({
  lang: "es",
  heading: "Subió el nivel de alerta",
  intro: "Aviso de Vigila.",
  preview: "Vigila: Subió el nivel de alerta",
  sections: [{ title: "Subió el nivel de alerta", lines, more: null }],
  settingsLabel: "Preferencias",
  settingsUrl: "http://127.0.0.1:3000/settings/alerts",
  unsubscribeLabel: "Darse de baja",
  unsubscribeUrl: "unused",
  footer: "Pie",
});

async function direct(p: AlertEmailProps, unsubscribeUrl: string) {
  const element = createElement(AlertEmail, { ...p, unsubscribeUrl });
  return { html: await render(element), text: await render(element, { plainText: true }) };
}

describe("one rendering shared by recipients who see the same alert", () => {
  it("gives each recipient exactly the body a rendering with their own link gives", async () => {
    const cache: RenderCache = new Map();
    const long = `Policía Municipal de Morelia (Michoacán): de vigilancia a revisión, evaluación del 30 de junio de 2026 ${"x".repeat(120)}`;
    const links = [
      "http://127.0.0.1:3000/api/alerts/unsubscribe?token=eyJ1Ijo1fQ.AbC-_9",
      "https://vigila.example/api/alerts/unsubscribe?token=eyJ1IjoxMjM0fQ.zz&x=\"quoted\"&y='<b>'",
    ];
    for (const link of links) {
      expect(await renderOnce(props([long, "segunda"]), link, cache)).toEqual(await direct(props([long, "segunda"]), link));
    }
    expect(cache.size).toBe(1);
    await renderOnce(props(["otra"]), links[0]!, cache);
    expect(cache.size).toBe(2);
  });
});
