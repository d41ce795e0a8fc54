"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { useTRPC } from "~/trpc/react";
import { ChangeRoleForm } from "./change-role-form";
import { ROLE_LABELS, type StateOption } from "./labels";

const dateTime = new Intl.DateTimeFormat("es-MX", { dateStyle: "medium", timeStyle: "short", timeZone: "America/Mexico_City" });

export function UsersTable({ states, currentUserId }: { states: StateOption[]; currentUserId: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: users } = useSuspenseQuery(trpc.users.list.queryOptions());
  const [editing, setEditing] = useState<number | null>(null);
  const refresh = { onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() }) };
  const setDisabled = useMutation(trpc.users.setDisabled.mutationOptions(refresh));
  const unlock = useMutation(trpc.users.unlock.mutationOptions(refresh));
  const stateName = new Map(states.map((s) => [s.code, s.name]));
  const failure = setDisabled.error ?? unlock.error;

  return (
    <div className="space-y-2">
      <ErrorAlert error={failure} />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">Correo</TableHead>
            <TableHead scope="col">Nombre</TableHead>
            <TableHead scope="col">Rol</TableHead>
            <TableHead scope="col">Entidad</TableHead>
            <TableHead scope="col">Estado</TableHead>
            <TableHead scope="col">Último inicio de sesión</TableHead>
            <TableHead scope="col">
              <span className="sr-only">Acciones</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((user) => {
            const self = user.id === currentUserId;
            return (
              <Fragment key={user.id}>
                <TableRow>
                  <TableCell className="font-mono text-xs">{user.email}</TableCell>
                  <TableCell>{user.name}</TableCell>
                  <TableCell>{ROLE_LABELS[user.role]}</TableCell>
                  <TableCell>{user.stateCode ? stateName.get(user.stateCode) : "Nacional"}</TableCell>
                  <TableCell>
                    {user.disabled ? <Badge>Deshabilitada</Badge> : user.lockedAt ? <Badge tone="critical">Bloqueada</Badge> : "Activa"}
                  </TableCell>
                  <TableCell>{user.lastSignInAt ? dateTime.format(user.lastSignInAt) : "Nunca"}</TableCell>
                  <TableCell className="space-x-1 whitespace-nowrap">
                    {user.lockedAt ? (
                      <Button size="sm" variant="outline" onClick={() => unlock.mutate({ id: user.id, version: user.version })}>
                        Desbloquear
                      </Button>
                    ) : null}
                    {self ? null : (
                      <>
                        <Button size="sm" variant="outline" onClick={() => setDisabled.mutate({ id: user.id, version: user.version, disabled: !user.disabled })}>
                          {user.disabled ? "Habilitar" : "Deshabilitar"}
                        </Button>
                        <Button size="sm" variant="outline" aria-expanded={editing === user.id} onClick={() => setEditing(editing === user.id ? null : user.id)}>
                          Cambiar rol
                        </Button>
                      </>
                    )}
                  </TableCell>
                </TableRow>
                {editing === user.id ? (
                  <TableRow>
                    <TableCell colSpan={7}>
                      <ChangeRoleForm user={user} states={states} onDone={() => setEditing(null)} />
                    </TableCell>
                  </TableRow>
                ) : null}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
