"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Label } from "~/components/ui/input";
import { useTRPC } from "~/trpc/react";
import { BacktestPanel } from "./backtest-panel";
import { type FieldErrors, type Json, type Path, setAt } from "./definition-state";
import { DryRunPanel } from "./dry-run-panel";
import { RuleFields } from "./rule-fields";

/**
 * A rule-set version: a draft is edited here (saved with its lockVersion, so a concurrent edit is
 * refused rather than overwritten), dry-run, published or deleted; a published one is read-only and
 * can be copied into a new draft. Both can be backtested.
 */
export function VersionEditor({ versionId, today }: { versionId: number; today: string }) {
  const t = useTranslations("ruleEditor");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: version } = useSuspenseQuery(trpc.rules.get.queryOptions({ id: versionId }));
  const [definition, setDefinition] = useState<Json>(version.definition as Json);
  const [notes, setNotes] = useState(version.notes);
  const [saved, setSaved] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.rules.get.queryKey({ id: versionId }) });
  const save = useMutation(trpc.rules.updateDraft.mutationOptions({ onSuccess: async () => (await refresh(), setSaved(true)) }));
  const publish = useMutation(trpc.rules.publish.mutationOptions({ onSuccess: () => refresh() }));
  const remove = useMutation(trpc.rules.deleteDraft.mutationOptions({ onSuccess: () => router.push("/rules") }));
  const createDraft = useMutation(trpc.rules.createDraft.mutationOptions({ onSuccess: (draft) => router.push(`/rules/${draft.id}`) }));
  const readOnly = version.status !== "DRAFT";
  const fieldErrors = save.error?.data?.fieldErrors ?? null;
  const failure = save.error ?? publish.error ?? remove.error ?? createDraft.error;
  const change = (path: Path, next: Json | undefined) => {
    setSaved(false);
    setDefinition((current) => setAt(current, path, next));
  };
  const rules = (definition as { rules?: Json[] } | null)?.rules ?? [];
  const isCurrent = version.current?.id === version.id;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone={readOnly ? "neutral" : "warning"}>{t(`status.${version.status}`)}</Badge>
        {isCurrent ? <Badge tone="success">{t("current")}</Badge> : null}
        {version.basedOn ? <span className="text-sm text-slate-700">{t("basedOn", { version: version.basedOn.version })}</span> : null}
        {version.publishedAt ? (
          <span className="text-sm text-slate-700">
            {t("publishedAt")}: {format.dateTime(version.publishedAt, "instant")}
          </span>
        ) : null}
      </div>
      <ErrorAlert error={failure} wrap={fieldErrors ? (message) => `${t("invalid")} ${message}` : undefined} />
      {saved && !save.isPending ? <Alert>{t("saved")}</Alert> : null}
      {readOnly ? (
        <div className="flex flex-wrap items-center gap-3">
          <Alert>{t("readOnly")}</Alert>
          <Button onClick={() => createDraft.mutate({ fromVersionId: version.id })} disabled={createDraft.isPending}>
            {t("createDraft")}
          </Button>
        </div>
      ) : null}
      <form
        className="flex flex-col gap-4"
        aria-label={t("version", { version: version.version })}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ id: version.id, lockVersion: version.lockVersion, definition, notes });
        }}
      >
        <div className="flex flex-col gap-1">
          <Label htmlFor="version-notes">{t("notes")}</Label>
          <textarea
            id="version-notes"
            className="min-h-16 rounded-md border border-slate-400 p-2 text-sm"
            value={notes}
            readOnly={readOnly}
            maxLength={2000}
            onChange={(e) => (setSaved(false), setNotes(e.target.value))}
          />
        </div>
        {rules.map((_, index) => (
          <RuleFields
            key={index}
            definition={definition}
            index={index}
            catalogue={version.catalogue}
            errors={fieldErrors}
            readOnly={readOnly}
            onChange={change}
          />
        ))}
        {readOnly ? null : (
          <div className="sticky bottom-0 flex flex-wrap gap-2 border-t border-slate-300 bg-white py-3">
            <Button type="submit" disabled={save.isPending}>
              {t("save")}
            </Button>
            <Button
              type="button"
              variant="outline"
              disabled={publish.isPending}
              onClick={() => window.confirm(t("publishConfirm")) && publish.mutate({ id: version.id, lockVersion: version.lockVersion })}
            >
              {t("publish")}
            </Button>
            <Button
              type="button"
              variant="ghost"
              disabled={remove.isPending}
              onClick={() => window.confirm(t("deleteConfirm")) && remove.mutate({ id: version.id, lockVersion: version.lockVersion })}
            >
              {t("delete")}
            </Button>
          </div>
        )}
      </form>
      {isCurrent ? null : <DryRunPanel versionId={version.id} today={today} />}
      <BacktestPanel versionId={version.id} />
    </div>
  );
}
