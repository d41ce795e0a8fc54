import { unsubscribeWithToken } from "~/server/alerts/unsubscribe";
import { clientIp, userAgent } from "~/server/auth/client-ip";
import { verifyUnsubscribeToken } from "~/server/alerts/unsubscribe-token";
import { getDb } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { spanishErrorMessage } from "~/server/errors-i18n";
import { log } from "~/server/log";

export const dynamic = "force-dynamic";

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A tiny standalone page (no app layout: the visitor is usually not signed in). `body` is trusted markup. */
function page(status: number, title: string, body: string) {
  const html = `<!doctype html><html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title></head><body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">
<h1>${escape(title)}</h1>${body}<p><a href="/settings/alerts">Ajustar mis avisos / Adjust my alerts</a></p></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

const paragraph = (text: string) => `<p>${escape(text)}</p>`;

function failure(err: unknown) {
  if (err instanceof AppError && err.code === "BAD_REQUEST") {
    // Bilingual like the rest of this page: the visitor is usually not signed in, so their language is unknown.
    return page(
      400,
      "Enlace no válido / Invalid link",
      paragraph(spanishErrorMessage(err.message) ?? err.message) + paragraph(err.message),
    );
  }
  log.error("Unsubscribe failed", { error: err instanceof Error ? err.message : String(err) });
  return page(500, "Error", paragraph("No se pudo completar. Inténtelo más tarde. / Please try again later."));
}

/**
 * Opening the link shows a confirmation button instead of unsubscribing: mail scanners follow
 * links on their own, and must not turn people's alerts off.
 */
export function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  try {
    verifyUnsubscribeToken(token, new Date());
  } catch (err) {
    return failure(err);
  }
  return page(
    200,
    "Dejar de recibir avisos / Unsubscribe",
    `<form method="post">${paragraph("Dejará de recibir los avisos de este correo. / You will stop receiving the alerts in this email.")}` +
      `<button type="submit">Confirmar / Confirm</button></form>`,
  );
}

/** RFC 8058 one-click (`List-Unsubscribe=One-Click` body) and the confirmation form both land here. */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  try {
    const db = await getDb();
    const { turnedOff } = await unsubscribeWithToken(db, token, { ip: clientIp(request.headers), userAgent: userAgent(request.headers) });
    return page(
      200,
      "Listo / Done",
      paragraph(
        turnedOff.length > 0
          ? "Ya no recibirá estos avisos. / You will no longer receive these alerts."
          : "Ya estaba dado de baja. / You were already unsubscribed.",
      ),
    );
  } catch (err) {
    return failure(err);
  }
}
