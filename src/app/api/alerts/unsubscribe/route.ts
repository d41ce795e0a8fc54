import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { unsubscribeWithToken } from "~/server/alerts/unsubscribe";
import { clientIp, userAgent } from "~/server/auth/client-ip";
import { verifyUnsubscribeToken } from "~/server/alerts/unsubscribe-token";
import { getDb } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { log } from "~/server/log";

export const dynamic = "force-dynamic";

function page(status: number, title: string, body: React.ReactNode) {
  const html = renderToStaticMarkup(
    createElement("html", { lang: "es" },
      createElement("head", null, createElement("meta", { charSet: "utf-8" }), createElement("title", null, title),
        createElement("meta", { name: "viewport", content: "width=device-width, initial-scale=1" })),
      createElement("body", { style: { fontFamily: "system-ui, sans-serif", maxWidth: "40rem", margin: "2rem auto", padding: "0 1rem" } },
        createElement("h1", null, title), body,
        createElement("p", null, createElement("a", { href: "/settings/alerts" }, "Ajustar mis avisos / Adjust my alerts")))),
  );
  return new Response(`<!doctype html>${html}`, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

function failure(err: unknown) {
  if (err instanceof AppError && err.code === "BAD_REQUEST") return page(400, "Enlace no válido / Invalid link", createElement("p", null, err.message));
  log.error("Unsubscribe failed", { error: err instanceof Error ? err.message : String(err) });
  return page(500, "Error", createElement("p", null, "No se pudo completar. Inténtelo más tarde. / Please try again later."));
}

/**
 * Opening the link shows a confirmation button instead of unsubscribing: mail scanners follow
 * links on their own, and must not turn people's alerts off.
 */
export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  try {
    verifyUnsubscribeToken(token, new Date());
  } catch (err) {
    return failure(err);
  }
  return page(200, "Dejar de recibir avisos / Unsubscribe",
    createElement("form", { method: "post" },
      createElement("p", null, "Dejará de recibir los avisos de este correo. / You will stop receiving the alerts in this email."),
      createElement("button", { type: "submit" }, "Confirmar / Confirm")));
}

/** RFC 8058 one-click (`List-Unsubscribe=One-Click` body) and the confirmation form both land here. */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  try {
    const db = await getDb();
    const { turnedOff } = await unsubscribeWithToken(db, token, { ip: clientIp(request.headers), userAgent: userAgent(request.headers) });
    return page(200, "Listo / Done", createElement("p", null,
      turnedOff.length > 0 ? "Ya no recibirá estos avisos. / You will no longer receive these alerts." : "Ya estaba dado de baja. / You were already unsubscribed."));
  } catch (err) {
    return failure(err);
  }
}
