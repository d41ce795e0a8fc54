"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "~/components/ui/button";
import { ErrorAlert } from "~/components/ui/error-alert";
import { useTRPC } from "~/trpc/react";

/** Puts failed emails back in the queue, then reloads the server-rendered page. */
export function RetryButton({ ids }: { ids: string[] }) {
  const t = useTranslations("outbox");
  const trpc = useTRPC();
  const router = useRouter();
  const retry = useMutation(trpc.outbox.retry.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="flex flex-col gap-1">
      <Button type="button" size="sm" variant="outline" disabled={retry.isPending} onClick={() => retry.mutate({ ids })}>
        {retry.isPending ? t("retrying") : t("retry")}
      </Button>
      <ErrorAlert error={retry.error} wrap={(message) => t("failed", { message })} className="p-1 text-xs" />
      {retry.data ? (
        <span role="status" className="text-xs">
          {t("retried", { count: retry.data.retried })}
        </span>
      ) : null}
    </div>
  );
}
