import { PassThrough, Readable } from "node:stream";
import { exportCsv } from "~/server/exports/export-csv";
import { isImportKind } from "~/server/imports/kinds";
import { log } from "~/server/log";
import { attachment, plainResponse, routeAccess } from "~/server/imports/route-access";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ file: string }> };

/**
 * GET /api/exports/<kind>.csv[?state=NN]: one kind in the exchange format (re-importable), scoped to
 * the caller (a state AG gets their state only), formula-safe, complaint summaries only for roles
 * allowed complainant data, audited by the export itself. Streamed: memory stays flat.
 */
export async function GET(request: Request, { params }: Props) {
  const access = await routeAccess(request, "data.export");
  if (access instanceof Response) return access;
  const kind = (await params).file.replace(/\.csv$/, "");
  if (!isImportKind(kind)) return plainResponse(request, 404, "Unknown export");
  const state = new URL(request.url).searchParams.get("state");
  if (state !== null && !/^(0[1-9]|[12]\d|3[0-2])$/.test(state))
    return plainResponse(request, 400, "state must be a two-digit INEGI state code 01–32");
  const output = new PassThrough();
  exportCsv(access.db, access.scope, kind, { stateCode: state }, output).then(
    () => output.end(),
    (err: unknown) => {
      log.error("export failed", { kind, err: String(err) });
      output.destroy(err instanceof Error ? err : new Error(String(err)));
    },
  );
  const name = state ? `${kind}-${state}.csv` : `${kind}.csv`;
  return new Response(Readable.toWeb(output) as ReadableStream<Uint8Array>, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachment(name), "cache-control": "no-store" },
  });
}
