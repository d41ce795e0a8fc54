"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type SubmitEvent, useState } from "react";
import type { Role } from "~/generated/prisma/enums";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Button } from "~/components/ui/button";
import { Input, Label } from "~/components/ui/input";
import { useTRPC } from "~/trpc/react";
import type { StateOption } from "./labels";
import { RoleStateFields } from "./role-state-fields";
import { formText } from "~/components/ui/form-text";

type Target = { id: number; version: number; email: string; role: Role; stateCode: string | null };

/** Role/state change with step-up: password and code are confirmed first, then the change is sent. */
export function ChangeRoleForm({ user, states, onDone }: { user: Target; states: StateOption[]; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>(user.role);
  const [stateCode, setStateCode] = useState<string | null>(user.stateCode);
  const reauth = useMutation(trpc.session.reauthenticate.mutationOptions());
  const setUserRole = useMutation(trpc.users.setRole.mutationOptions());
  const [error, setError] = useState<unknown>(null);
  const prefix = `role-${user.id}`;
  const t = useTranslations("users.changeRoleForm");

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setError(null);
    try {
      await reauth.mutateAsync({ password: formText(data, "password"), totp: formText(data, "totp") });
      await setUserRole.mutateAsync({ id: user.id, version: user.version, role, stateCode });
      await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
      onDone();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      aria-label={t("label", { email: user.email })}
      className="grid gap-3 rounded-md border border-slate-300 bg-slate-50 p-3 sm:grid-cols-2"
    >
      <ErrorAlert error={error} className="sm:col-span-2" />
      <RoleStateFields
        idPrefix={prefix}
        role={role}
        stateCode={stateCode}
        states={states}
        onChange={(r, s) => {
          setRole(r);
          setStateCode(s);
        }}
      />
      <p className="text-sm text-slate-700 sm:col-span-2">{t("confirm")}</p>
      <div className="space-y-1">
        <Label htmlFor={`${prefix}-password`}>{t("password")}</Label>
        <Input id={`${prefix}-password`} name="password" type="password" required autoComplete="current-password" />
      </div>
      <div className="space-y-1">
        <Label htmlFor={`${prefix}-totp`}>{t("totp")}</Label>
        <Input
          id={`${prefix}-totp`}
          name="totp"
          inputMode="numeric"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          autoComplete="one-time-code"
        />
      </div>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={reauth.isPending || setUserRole.isPending}>
          {t("apply")}
        </Button>
        <Button type="button" variant="outline" onClick={onDone}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
