import { type AppLocale, isAppLocale } from "~/i18n/locales";
import { resolveLocale } from "~/i18n/resolve-locale";
import { resolveRequestScope } from "~/server/auth/request-scope";
import { can } from "~/server/authz/permissions";
import { requestOrigin } from "~/server/auth/client-ip";
import { getDb } from "~/server/db/client";
import { renderDossierDownload } from "~/server/dossier/render-dossier-pdf";
import { AppError } from "~/server/errors";
import { auditActor } from "~/server/audit/actor";
import { bufferBody, downloadResponse } from "~/server/http/download";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }> };

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * GET /departments/<code>/dossier.pdf[?lang=es|en]: the dossier as a PDF for an attorney general's
 * file. Language: `lang`, else the page's (cookie, then the user's preference), else Spanish.
 */
export async function GET(request: Request, { params }: Props) {
  const db = await getDb();
  const scope = await resolveRequestScope(db, request.headers);
  if (!scope) return plain(401, "Sign in first");
  // Same permissions as the dossier page and its "why" section.
  if (!can(scope.role, "departments.read") || !can(scope.role, "evaluations.read")) return plain(404, "Department not found");
  const code = decodeURIComponent((await params).code);
  const lang = new URL(request.url).searchParams.get("lang");
  const locale: AppLocale = isAppLocale(lang) ? lang : await resolveLocale();
  try {
    const origin = requestOrigin(request.headers);
    const { pdf, event } = await renderDossierDownload(db, scope, code, { locale, origin });
    // `dossier.pdf` was recorded with what the document discloses, before it was laid out.
    return await downloadResponse(
      { db, actor: auditActor(scope, origin), event, startRecorded: true, body: bufferBody(pdf) },
      {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="dossier-${code.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf"`,
      },
    );
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return plain(404, "Department not found");
    throw err;
  }
}
