"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/**
 * After any change to a case: the case itself, the board, the department's timeline, the overview's
 * open-receivership count and the recommendation lists all read it, so all are refetched at once.
 */
export function useCaseRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [
        trpc.receivership.get.queryKey(),
        trpc.receivership.list.queryKey(),
        trpc.timeline.department.queryKey(),
        trpc.dashboard.overview.queryKey(),
        trpc.departments.dossier.queryKey(),
        trpc.recommendations.list.queryKey(),
      ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
}

/** Today's calendar day in Mexico City, as the server counts days. */
export function todayInMexicoCity(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Mexico_City" }).format(new Date());
}
