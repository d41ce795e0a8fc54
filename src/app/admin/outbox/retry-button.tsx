"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "~/components/ui/button";
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
    <span className="flex flex-col gap-1">
      <Button type="button" size="sm" variant="outline" disabled={retry.isPending} onClick={() => retry.mutate({ ids })}>
        {retry.isPending ? S.retrying : S.retry}
      </Button>
      {retry.error ? <span role="alert" className="text-xs text-red-800">{S.failed(retry.error.message)}</span> : null}
      {retry.data ? <span role="status" className="text-xs">{S.retried(retry.data.retried)}</span> : null}
    </span>
  );
}
