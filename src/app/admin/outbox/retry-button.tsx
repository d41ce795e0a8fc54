"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "~/components/ui/button";
import { ErrorAlert } from "~/components/ui/error-alert";
import { isAppLocale } from "~/i18n/locales";
import { useTRPC } from "~/trpc/react";
import { OUTBOX_STRINGS } from "./strings";

/** Puts failed emails back in the queue, then reloads the server-rendered page. */
export function RetryButton({ ids }: { ids: string[] }) {
  const locale = useLocale();
  const S = OUTBOX_STRINGS[isAppLocale(locale) ? locale : "es"];
  const trpc = useTRPC();
  const router = useRouter();
  const retry = useMutation(trpc.outbox.retry.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="flex flex-col gap-1">
      <Button type="button" size="sm" variant="outline" disabled={retry.isPending} onClick={() => retry.mutate({ ids })}>
        {retry.isPending ? S.retrying : S.retry}
      </Button>
      <ErrorAlert error={retry.error} wrap={S.failed} className="p-1 text-xs" />
      {retry.data ? <span role="status" className="text-xs">{S.retried(retry.data.retried)}</span> : null}
    </div>
  );
}
