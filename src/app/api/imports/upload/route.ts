import type { NextRequest } from "next/server";
import { publicOriginFromEnv } from "~/server/auth/config";
import { requestOrigin } from "~/server/auth/request-guard";
import { AppError } from "~/server/errors";
import { inBackground } from "~/server/imports/batch-actions";
import { validateBatch } from "~/server/imports/batch-steps";
import { isImportKind } from "~/server/imports/kinds";
import { DEFAULT_LIMITS, describeBytes } from "~/server/imports/read-csv";
import { plainResponse, routeAccess } from "~/server/imports/route-access";
import { receiveUpload } from "~/server/imports/upload";

export const dynamic = "force-dynamic";

/**
 * POST /api/imports/upload?kind=<kind>&name=<file name>, body = the file's bytes. The body is read
 * as a stream straight into PostgreSQL. This route is left out of the request proxy (src/proxy.ts),
 * which would buffer a body in memory and cut it at 10 MB, so it does the proxy's checks itself:
 * same origin (CSRF), session and permission.
 */
export async function POST(request: NextRequest) {
  const expected = requestOrigin(request, publicOriginFromEnv());
  if (request.headers.get("origin") !== expected) return plainResponse(request, 403, "Cross-origin request refused");
  const access = await routeAccess(request, "data.import");
  if (access instanceof Response) return access;
  const params = request.nextUrl.searchParams;
  const kind = params.get("kind") ?? "";
  if (!isImportKind(kind)) return plainResponse(request, 400, "Unknown file kind");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > DEFAULT_LIMITS.maxBytes)
    return plainResponse(request, 413, `The file is larger than the limit of ${describeBytes(DEFAULT_LIMITS.maxBytes)}`);
  if (!request.body) return plainResponse(request, 400, "The request has no file");
  try {
    const body = request.body;
    const result = await receiveUpload(access.db, access.actor, { kind, fileName: params.get("name") ?? "" }, body);
    if (result.status === "VALIDATING") inBackground("validation", () => validateBatch(access.db, access.actor, result.batchId));
    return Response.json(result, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (err) {
    if (err instanceof AppError && err.code === "BAD_REQUEST") return plainResponse(request, 400, err.message);
    throw err;
  }
}
