import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { NextRequest } from "next/server";
import { appRouter } from "~/server/api/root";
import { createContext } from "~/server/api/trpc";
import { guardOptionsFromEnv } from "~/server/auth/guard-options";
import { guardTrpcRequest } from "~/server/auth/request-guard";
import { TRPC_MAX_BATCH } from "~/trpc/batch-limit";

// Left out of the proxy (src/proxy.ts): the CSRF rule and the security headers are applied here.
const handler = (req: NextRequest) =>
  guardTrpcRequest(req, guardOptionsFromEnv(), () =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      maxBatchSize: TRPC_MAX_BATCH,
      createContext: () => createContext({ headers: req.headers }),
    }),
  );

export { handler as GET, handler as POST };
