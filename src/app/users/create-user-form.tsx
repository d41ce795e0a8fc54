"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type SubmitEvent, useState } from "react";
import type { Role } from "~/generated/prisma/enums";
import { Alert } from "~/components/ui/alert";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Button } from "~/components/ui/button";
import { Card, CardDescription, CardTitle } from "~/components/ui/card";
import { Input, Label } from "~/components/ui/input";
import { PRIVILEGED_ROLES } from "~/server/users/privileged";
import { useTRPC } from "~/trpc/react";
import type { StateOption } from "./labels";
import { RoleStateFields } from "./role-state-fields";
import { formText } from "~/components/ui/form-text";

export function CreateUserForm({ states }: { states: StateOption[] }) {
  const trpc = useTRPC();
  const t = useTranslations("users.create");
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>("IA_ANALYST");
  const [stateCode, setStateCode] = useState<string | null>(null);
  const reauth = useMutation(trpc.session.reauthenticate.mutationOptions());
  const privileged = PRIVILEGED_ROLES.has(role);
  const create = useMutation(
    trpc.users.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() }) }),
  );

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    reauth.reset();
    try {
      // A privileged account needs the admin's own password and code again first (as a role change does).
      if (privileged) await reauth.mutateAsync({ password: formText(data, "ownPassword"), totp: formText(data, "ownTotp") });
    } catch {
      return;
    }
    create.mutate(
      { email: formText(data, "email"), name: formText(data, "name"), role, stateCode, password: formText(data, "password") },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <Card aria-labelledby="create-user-title" className="max-w-2xl space-y-4">
      <div>
        <CardTitle id="create-user-title">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </div>
      {create.data ? (
        <Alert>
          <p>{t.rich("created", { email: create.data.email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <p className="mt-2">
            {t("secret")} <code className="select-all font-mono">{create.data.totpSecret}</code>
          </p>
          <p className="mt-1 break-all">
            {t("uri")} <code className="select-all font-mono text-xs">{create.data.otpauthUri}</code>
          </p>
        </Alert>
      ) : null}
      <ErrorAlert error={reauth.error ?? create.error} />
      <form onSubmit={(event) => void onSubmit(event)} className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <Label htmlFor="new-email">{t("email")}</Label>
          <Input id="new-email" name="email" type="email" required autoComplete="off" />
        </div>
        <div className="space-y-1">
          <Label htmlFor="new-name">{t("name")}</Label>
          <Input id="new-name" name="name" required maxLength={120} autoComplete="off" />
        </div>
        <RoleStateFields
          idPrefix="new"
          role={role}
          stateCode={stateCode}
          states={states}
          onChange={(r, s) => {
            setRole(r);
            setStateCode(s);
          }}
        />
        <div className="space-y-1 sm:col-span-2">
          <Label htmlFor="new-password">{t("password")}</Label>
          <Input id="new-password" name="password" type="password" required minLength={12} autoComplete="new-password" />
        </div>
        {privileged ? (
          <>
            <p className="text-sm text-slate-700 sm:col-span-2">{t("confirm")}</p>
            <div className="space-y-1">
              <Label htmlFor="new-own-password">{t("ownPassword")}</Label>
              <Input id="new-own-password" name="ownPassword" type="password" required autoComplete="current-password" />
            </div>
            <div className="space-y-1">
              <Label htmlFor="new-own-totp">{t("ownTotp")}</Label>
              <Input
                id="new-own-totp"
                name="ownTotp"
                inputMode="numeric"
                pattern="[0-9]{6}"
                maxLength={6}
                required
                autoComplete="one-time-code"
              />
            </div>
          </>
        ) : null}
        <div className="sm:col-span-2">
          <Button type="submit" disabled={create.isPending || reauth.isPending}>
            {t("submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
