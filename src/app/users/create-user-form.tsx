"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { Role } from "~/generated/prisma/enums";
import { Alert } from "~/components/ui/alert";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Button } from "~/components/ui/button";
import { Card, CardDescription, CardTitle } from "~/components/ui/card";
import { Input, Label } from "~/components/ui/input";
import { useTRPC } from "~/trpc/react";
import type { StateOption } from "./labels";
import { RoleStateFields } from "./role-state-fields";

export function CreateUserForm({ states }: { states: StateOption[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>("IA_ANALYST");
  const [stateCode, setStateCode] = useState<string | null>(null);
  const create = useMutation(
    trpc.users.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() }) }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    create.mutate(
      { email: String(data.get("email")), name: String(data.get("name")), role, stateCode, password: String(data.get("password")) },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <Card aria-labelledby="create-user-title" className="max-w-2xl space-y-4">
      <div>
        <CardTitle id="create-user-title">Nueva cuenta</CardTitle>
        <CardDescription>
          Contraseña de al menos 12 caracteres que no esté entre las más comunes. El secreto del segundo factor se muestra una sola vez.
        </CardDescription>
      </div>
      {create.data ? (
        <Alert>
          <p>
            Cuenta creada para <strong>{create.data.email}</strong>. Entregue este secreto por un canal seguro; no se volverá a mostrar.
          </p>
          <p className="mt-2">
            Secreto TOTP: <code className="select-all font-mono">{create.data.totpSecret}</code>
          </p>
          <p className="mt-1 break-all">
            URI: <code className="select-all font-mono text-xs">{create.data.otpauthUri}</code>
          </p>
        </Alert>
      ) : null}
      <ErrorAlert error={create.error} />
      <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <Label htmlFor="new-email">Correo electrónico</Label>
          <Input id="new-email" name="email" type="email" required autoComplete="off" />
        </div>
        <div className="space-y-1">
          <Label htmlFor="new-name">Nombre</Label>
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
          <Label htmlFor="new-password">Contraseña inicial</Label>
          <Input id="new-password" name="password" type="password" required minLength={12} autoComplete="new-password" />
        </div>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={create.isPending}>
            Crear cuenta
          </Button>
        </div>
      </form>
    </Card>
  );
}
