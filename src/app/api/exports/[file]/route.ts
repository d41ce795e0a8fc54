import { openCsvExport } from "~/server/exports/export-csv";
import { downloadStream } from "~/server/http/download";
import { isImportKind } from "~/server/imports/kinds";
import { attachment, plainResponse, routeAccess } from "~/server/imports/route-access";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ file: string }> };

/**
 * GET /api/exports/<kind>.csv[?state=NN]: one kind in the exchange format (re-importable), scoped to
 * the caller (a state AG gets their state only), formula-safe, complaint summaries only for roles
 * allowed complainant data, audited before the first byte and after the last. Streamed one page per
 * demand: memory stays flat, and a client that leaves ends the export's transaction at once.
 */
export async function GET(request: Request, { params }: Props) {
  const access = await routeAccess(request, "data.export");
  if (access instanceof Response) return access;
  const kind = (await params).file.replace(/\.csv$/, "");
  if (!isImportKind(kind)) return plainResponse(request, 404, "Unknown export");
  const state = new URL(request.url).searchParams.get("state");
  if (state !== null && !/^(0[1-9]|[12]\d|3[0-2])$/.test(state))
    return plainResponse(request, 400, "state must be a two-digit INEGI state code 01–32");
  const chunks = await openCsvExport(access.db, access.scope, kind, { stateCode: state }, access.actor);
  const name = state ? `${kind}-${state}.csv` : `${kind}.csv`;
  return new Response(downloadStream(chunks), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachment(name), "cache-control": "no-store" },
  });
}
