import { createCaller } from "~/server/api/root";
import { createContext } from "~/server/api/trpc";
import { resolveLocale } from "~/i18n/resolve-locale";
import { auditCsvResponse } from "./csv-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const caller = createCaller(await createContext({ headers: request.headers }));
  return auditCsvResponse(caller, new URL(request.url).searchParams, new Date(), await resolveLocale());
}
