import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { createCaller } from "~/server/api/root";
import { localDay } from "~/server/alerts/periods";
import { AUDIT_CALENDAR_TIME_ZONE } from "~/server/audit/day-range";
import { parseAuditView } from "~/server/audit/list-input";
import { downloadStream } from "~/server/http/download";
import { createTranslator } from "next-intl";
import en from "../../../../messages/en.json";
import es from "../../../../messages/es.json";
import { type AppLocale, DEFAULT_LOCALE, localeTag } from "~/i18n/locales";

type Caller = ReturnType<typeof createCaller>;

const MESSAGES = { es, en };

function plain(status: number, message: string) {
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/**
 * The /audit/export response: the same filters as the page (from the URL), authorised and audited
 * by the `audit.export` procedure, streamed as a CSV download.
 */
export async function auditCsvResponse(
  caller: Caller,
  params: URLSearchParams,
  now = new Date(),
  locale: AppLocale = DEFAULT_LOCALE,
): Promise<Response> {
  const { input, invalid } = parseAuditView(Object.fromEntries(params));
  if (invalid.length > 0) {
    const t = createTranslator({ locale: localeTag(locale), messages: MESSAGES[locale], namespace: "audit" });
    return plain(400, t("invalid", { fields: invalid.map((f) => t(`fields.${f}`)).join(", ") }));
  }
  const { page: _page, pageSize: _pageSize, ...filters } = input;
  try {
    const chunks = await caller.audit.export(filters);
    return new Response(downloadStream(chunks), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="auditoria-${localDay(now, AUDIT_CALENDAR_TIME_ZONE)}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof TRPCError) return plain(getHTTPStatusCodeFromError(err), err.message);
    throw err;
  }
}
