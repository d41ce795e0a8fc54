import type { NextRequest } from "next/server";
import { guardOptionsFromEnv } from "./server/auth/guard-options";
import { resolveRequestScope } from "./server/auth/request-scope";
import { guardRequest } from "./server/auth/request-guard";
import { getDb } from "./server/db/client";

/** Next 16's request proxy (formerly middleware; always the Node.js runtime): see request-guard.ts. */
export async function proxy(request: NextRequest) {
  return guardRequest(request, { ...guardOptionsFromEnv(), resolveScope: async (headers) => resolveRequestScope(await getDb(), headers) });
}

export const config = {
  // Everything but build assets, which hold no data and must stay cacheable, and two routes that do the
  // proxy's checks themselves: the import upload (the proxy would buffer its body, up to 50 MB, in memory
  // and cut it at 10 MB; src/app/api/imports/upload/route.ts) and tRPC (guardTrpcRequest in its route).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|api/imports/upload|api/trpc).*)"],
};
