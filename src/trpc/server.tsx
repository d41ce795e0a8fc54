import "server-only";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache } from "react";
import { appRouter } from "~/server/api/root";
import { createContext } from "~/server/api/trpc";
import { makeQueryClient } from "./query-client";

/** One query client per server request, shared by every prefetch in that request. */
export const getQueryClient = cache(makeQueryClient);

const createRequestContext = cache(async () => createContext({ headers: await headers() }));

export const trpc = createTRPCOptionsProxy({ ctx: createRequestContext, router: appRouter, queryClient: getQueryClient });

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
