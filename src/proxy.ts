import type { NextRequest } from "next/server";
import { env } from "./env";
import { resolveRequestScope } from "./server/auth/request-scope";
import { guardRequest } from "./server/auth/request-guard";
import { getDb } from "./server/db/client";

/** Next 16's request proxy (formerly middleware; always the Node.js runtime): see request-guard.ts. */
export async function proxy(request: NextRequest) {
  return guardRequest(request, {
    resolveScope: async (headers) => resolveRequestScope(await getDb(), headers),
    publicOrigin: env.AUTH_URL ? new URL(env.AUTH_URL).origin : null,
    dev: env.NODE_ENV === "development",
  });
}

export const config = {
  // Everything but build assets, which hold no data and must stay cacheable, and the import upload:
  // the proxy would buffer its body (up to 50 MB) in memory and cut it at 10 MB; that route checks
  // origin, session and permission itself (src/app/api/imports/upload/route.ts).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|api/imports/upload).*)"],
};
