"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/** After any change to a review: the review, its history, the boards and the department's timeline show it at once. */
export function useReviewRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.reviews.get.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.reviews.history.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.reviews.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.timeline.department.queryKey() }),
    ]);
}
