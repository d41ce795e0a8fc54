"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRuleName } from "~/components/levels/rule-name";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Button } from "~/components/ui/button";
import { Input, Label, Select } from "~/components/ui/input";
import { useTRPC } from "~/trpc/react";
import type { CaseView } from "./receivership-case";
import { useCaseRefresh } from "./use-case-refresh";
import { formText } from "~/components/ui/form-text";

type CriterionDraft = { key: number; ruleId: string; comparator: "GTE" | "LTE"; threshold: string };
const PLACEHOLDER = /\[[^\]\n]+\]/g;
const textareaClass = "rounded-md border border-slate-400 p-2 text-sm";

/**
 * Edits a proposal: legal basis (a template can be loaded; the placeholders still in the text are
 * listed as one types), receiving authority, terms, planned start and review dates, and the exit
 * criteria (add, edit, remove). Saving starts a new revision and withdraws the approvals given.
 */
export function ProposalForm({ found, onDone }: { found: CaseView; onDone: (approvalsWithdrawn: number) => void }) {
  const t = useTranslations("receivership.edit");
  const ruleName = useRuleName();
  const trpc = useTRPC();
  const refresh = useCaseRefresh();
  const defaults = useQuery(trpc.receivership.defaults.queryOptions());
  const [legalBasis, setLegalBasis] = useState(found.legalBasis);
  const [criteria, setCriteria] = useState<CriterionDraft[]>(() =>
    found.exitCriteria.map((c, key) => ({ key, ruleId: c.ruleId, comparator: c.comparator, threshold: String(c.threshold) })),
  );
  const [nextKey, setNextKey] = useState(found.exitCriteria.length);
  const edit = useMutation(
    trpc.receivership.edit.mutationOptions({
      onSuccess: async (result) => {
        await refresh();
        onDone(result.approvalsWithdrawn);
      },
    }),
  );
  const placeholders = legalBasis.match(PLACEHOLDER) ?? [];
  const id = (name: string) => `proposal-${found.id}-${name}`;
  const update = (key: number, patch: Partial<CriterionDraft>) =>
    setCriteria((all) => all.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  const ruleIds = defaults.data?.ruleIds ?? [...new Set(found.exitCriteria.map((c) => c.ruleId))];
  return (
    <form
      className="flex flex-col gap-3"
      aria-label={t("title")}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const date = (name: string) => (formText(data, name) === "" ? null : formText(data, name));
        edit.mutate({
          id: found.id,
          version: found.version,
          legalBasis,
          receivingAuthority: formText(data, "authority"),
          terms: formText(data, "terms"),
          startDate: date("startDate"),
          reviewDate: date("reviewDate"),
          exitCriteria: criteria.map((c) => ({ ruleId: c.ruleId, comparator: c.comparator, threshold: Number(c.threshold) })),
        });
      }}
    >
      {found.approvals.length > 0 ? (
        <p role="note" className="rounded-md border border-amber-400 bg-amber-50 p-2 text-sm">
          {t("withdrawsApprovals", { count: found.approvals.length })}
        </p>
      ) : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="font-medium">{t("legalBasis")}</legend>
        {defaults.data ? (
          <div className="flex flex-wrap gap-2">
            {defaults.data.legalBasisTemplates.map((template) => (
              <Button key={template.id} type="button" variant="outline" size="sm" onClick={() => setLegalBasis(template.text)}>
                {t("useTemplate", { title: template.title })}
              </Button>
            ))}
          </div>
        ) : null}
        <Label htmlFor={id("legalBasis")}>{t("legalBasisText")}</Label>
        <textarea
          id={id("legalBasis")}
          name="legalBasis"
          required
          rows={12}
          value={legalBasis}
          onChange={(event) => setLegalBasis(event.target.value)}
          aria-describedby={id("legalBasis-hint")}
          className={`${textareaClass} font-mono`}
        />
        <div id={id("legalBasis-hint")} className="text-xs text-slate-700" aria-live="polite">
          <p>{t("legalBasisHint")}</p>
          {placeholders.length > 0 ? (
            <p className="font-medium text-amber-900" data-testid="edit-placeholders">
              {t("placeholdersLeft", { count: placeholders.length, list: placeholders.join(" · ") })}
            </p>
          ) : (
            <p className="text-emerald-800">{t("noPlaceholders")}</p>
          )}
        </div>
      </fieldset>
      <Label htmlFor={id("authority")}>{t("authority")}</Label>
      <Input id={id("authority")} name="authority" required minLength={3} defaultValue={found.receivingAuthority} />
      <Label htmlFor={id("terms")}>{t("terms")}</Label>
      <textarea id={id("terms")} name="terms" required minLength={10} rows={4} defaultValue={found.terms} className={textareaClass} />
      <div className="flex flex-wrap gap-4">
        <div className="flex flex-col gap-1">
          <Label htmlFor={id("startDate")}>{t("startDate")}</Label>
          <Input id={id("startDate")} name="startDate" type="date" className="w-48" defaultValue={found.startDate ?? ""} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor={id("reviewDate")}>{t("reviewDate")}</Label>
          <Input id={id("reviewDate")} name="reviewDate" type="date" className="w-48" defaultValue={found.reviewDate ?? ""} />
        </div>
      </div>
      <fieldset className="flex flex-col gap-2" data-testid="criteria-editor">
        <legend className="font-medium">{t("criteria")}</legend>
        <p className="text-xs text-slate-700">{t("criteriaHint")}</p>
        {criteria.map((c, index) => (
          <div key={c.key} className="flex flex-wrap items-end gap-2" data-criterion-row={index + 1}>
            <div className="flex flex-col gap-1">
              <Label htmlFor={id(`rule-${c.key}`)}>{t("rule", { n: index + 1 })}</Label>
              <Select id={id(`rule-${c.key}`)} value={c.ruleId} onChange={(event) => update(c.key, { ruleId: event.target.value })}>
                {[...new Set([...ruleIds, c.ruleId])].map((rule) => (
                  <option key={rule} value={rule}>
                    {ruleName(rule)} ({rule})
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor={id(`cmp-${c.key}`)}>{t("comparator", { n: index + 1 })}</Label>
              <Select
                id={id(`cmp-${c.key}`)}
                value={c.comparator}
                onChange={(event) => update(c.key, { comparator: event.target.value as "GTE" | "LTE" })}
              >
                <option value="GTE">{t("gte")}</option>
                <option value="LTE">{t("lte")}</option>
              </Select>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor={id(`target-${c.key}`)}>{t("target", { n: index + 1 })}</Label>
              <Input
                id={id(`target-${c.key}`)}
                className="w-28"
                inputMode="decimal"
                required
                pattern="-?\d+(\.\d{1,4})?"
                value={c.threshold}
                onChange={(event) => update(c.key, { threshold: event.target.value })}
              />
            </div>
            <Button type="button" variant="outline" size="sm" onClick={() => setCriteria((all) => all.filter((x) => x.key !== c.key))}>
              {t("removeCriterion", { n: index + 1 })}
            </Button>
          </div>
        ))}
        <div>
          <Button
            type="button"
            variant="outline"
            size="sm"
            disabled={!defaults.data}
            onClick={() => {
              const unused = ruleIds.find((r) => !criteria.some((c) => c.ruleId === r)) ?? ruleIds[0] ?? "vetting-coverage";
              setCriteria((all) => [...all, { key: nextKey, ruleId: unused, comparator: "GTE", threshold: "0" }]);
              setNextKey(nextKey + 1);
            }}
          >
            {t("addCriterion")}
          </Button>
        </div>
      </fieldset>
      <ErrorAlert error={defaults.error ?? edit.error} />
      <div>
        <Button type="submit" disabled={edit.isPending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
