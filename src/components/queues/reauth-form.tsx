"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Button } from "~/components/ui/button";
import { Input, Label } from "~/components/ui/input";
import { useTRPC } from "~/trpc/react";
import { formText } from "~/components/ui/form-text";

/** Password and authenticator code again, then `onConfirmed` retries the action that asked for it. */
export function ReauthForm({ idPrefix, onConfirmed }: { idPrefix: string; onConfirmed: () => void }) {
  const t = useTranslations("queues.reauth");
  const trpc = useTRPC();
  const reauth = useMutation(trpc.session.reauthenticate.mutationOptions({ onSuccess: onConfirmed }));
  return (
    <form
      className="mt-2 flex flex-col gap-2 rounded-md border border-amber-400 bg-amber-50 p-3"
      aria-label={t("title")}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        reauth.mutate({ password: formText(data, "password"), totp: formText(data, "totp") });
      }}
    >
      <p className="text-sm font-medium">{t("explain")}</p>
      <Label htmlFor={`${idPrefix}-password`}>{t("password")}</Label>
      <Input id={`${idPrefix}-password`} name="password" type="password" autoComplete="current-password" required />
      <Label htmlFor={`${idPrefix}-totp`}>{t("code")}</Label>
      <Input id={`${idPrefix}-totp`} name="totp" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" required />
      <ErrorAlert error={reauth.error} />
      <div>
        <Button type="submit" disabled={reauth.isPending}>
          {t("confirm")}
        </Button>
      </div>
    </form>
  );
}
