"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { useTRPC } from "~/trpc/react";
import { ChangeRoleForm } from "./change-role-form";
import type { StateOption } from "./labels";

export function UsersTable({ states, currentUserId }: { states: StateOption[]; currentUserId: number }) {
  const trpc = useTRPC();
  const t = useTranslations("users");
  const roles = useTranslations("roles");
  const format = useFormatter();
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
            <TableHead scope="col">{t("columns.email")}</TableHead>
            <TableHead scope="col">{t("columns.name")}</TableHead>
            <TableHead scope="col">{t("columns.role")}</TableHead>
            <TableHead scope="col">{t("columns.state")}</TableHead>
            <TableHead scope="col">{t("columns.status")}</TableHead>
            <TableHead scope="col">{t("columns.lastSignIn")}</TableHead>
            <TableHead scope="col">
              <span className="sr-only">{t("columns.actions")}</span>
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
                  <TableCell>{roles(user.role)}</TableCell>
                  <TableCell>{user.stateCode ? stateName.get(user.stateCode) : t("national")}</TableCell>
                  <TableCell>
                    {user.disabled ? (
                      <Badge>{t("status.disabled")}</Badge>
                    ) : user.lockedAt ? (
                      <Badge tone="critical">{t("status.locked")}</Badge>
                    ) : (
                      t("status.active")
                    )}
                  </TableCell>
                  <TableCell>{user.lastSignInAt ? format.dateTime(user.lastSignInAt, "instant") : t("never")}</TableCell>
                  <TableCell className="space-x-1 whitespace-nowrap">
                    {user.lockedAt ? (
                      <Button size="sm" variant="outline" onClick={() => unlock.mutate({ id: user.id, version: user.version })}>
                        {t("unlock")}
                      </Button>
                    ) : null}
                    {self ? null : (
                      <>
                        <Button
                          size="sm"
                          variant="outline"
                          onClick={() => setDisabled.mutate({ id: user.id, version: user.version, disabled: !user.disabled })}
                        >
                          {user.disabled ? t("enable") : t("disable")}
                        </Button>
                        <Button
                          size="sm"
                          variant="outline"
                          aria-expanded={editing === user.id}
                          onClick={() => setEditing(editing === user.id ? null : user.id)}
                        >
                          {t("changeRole")}
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
