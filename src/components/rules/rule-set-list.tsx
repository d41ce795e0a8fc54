"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Section } from "~/components/layout/section";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { useTRPC } from "~/trpc/react";

/** Every rule set with its versions; a published version can be copied into a new draft. */
export function RuleSetList() {
  const t = useTranslations("ruleEditor");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const { data: sets } = useSuspenseQuery(trpc.rules.list.queryOptions());
  const createDraft = useMutation(trpc.rules.createDraft.mutationOptions({ onSuccess: (draft) => router.push(`/rules/${draft.id}`) }));
  return (
    <div className="flex flex-col gap-6">
      <ErrorAlert error={createDraft.error} />
      {sets.map((set) => (
        <Section key={set.id} id={`set-${set.id}`} title={`${set.name} (${set.id})`}>
          <p className="text-sm text-slate-700">{set.description}</p>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{t("version", { version: "" }).trim()}</TableHead>
                <TableHead scope="col">
                  {t("status.PUBLISHED")} / {t("status.DRAFT")}
                </TableHead>
                <TableHead scope="col">{t("createdAt")}</TableHead>
                <TableHead scope="col">{t("notes")}</TableHead>
                <TableHead scope="col">
                  <span className="sr-only">{t("open")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {set.versions.map((v) => (
                <TableRow key={v.id} data-version={v.version}>
                  <TableCell>
                    <Link className="text-link underline" href={`/rules/${v.id}`}>
                      {t("version", { version: v.version })}
                    </Link>
                  </TableCell>
                  <TableCell className="space-x-1">
                    <Badge tone={v.status === "DRAFT" ? "warning" : "neutral"}>{t(`status.${v.status}`)}</Badge>
                    {v.id === set.currentVersionId ? <Badge tone="success">{t("current")}</Badge> : null}
                  </TableCell>
                  <TableCell>{format.dateTime(v.createdAt, "instant")}</TableCell>
                  <TableCell className="max-w-md truncate">{v.notes}</TableCell>
                  <TableCell>
                    {v.status === "PUBLISHED" ? (
                      <Button
                        size="sm"
                        variant="outline"
                        disabled={createDraft.isPending}
                        onClick={() => createDraft.mutate({ fromVersionId: v.id })}
                      >
                        {t("createDraft")}
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
      ))}
    </div>
  );
}
