"use client";

import { useQuery } from "@tanstack/react-query";
import { Filter } from "lucide-react";
import { useTranslations } from "next-intl";
import Form from "next/form";
import Link from "next/link";
import { Button } from "~/components/ui/button";
import { Input, Label, Select } from "~/components/ui/input";
import { DEPARTMENT_STATUSES, LEVEL_VALUES, type ListDepartmentsInput } from "~/server/departments/list-input";
import { useTRPC } from "~/trpc/react";
import { useRuleName } from "~/components/levels/rule-name";

/** The filter bar: a GET form, so the view lives in the URL and works before JavaScript loads. */
export function DepartmentFilters({ view }: { view: ListDepartmentsInput }) {
  const t = useTranslations("departments.filters");
  const tLevels = useTranslations("levels");
  const tKinds = useTranslations("kinds");
  const ruleName = useRuleName();
  const trpc = useTRPC();
  const options = useQuery(trpc.departments.filterOptions.queryOptions());
  const states = options.data?.states ?? [];
  const ruleIds = options.data?.ruleIds ?? [];
  // Keep a filter from the URL selectable even before (or without) the options arriving.
  if (view.rule && !ruleIds.includes(view.rule)) ruleIds.push(view.rule);
  return (
    <Form
      action="/departments"
      className="no-print grid grid-cols-2 gap-3 rounded-lg border border-slate-300 bg-white p-4 lg:grid-cols-4 xl:grid-cols-7"
      role="search"
      aria-label={t("label")}
    >
      <div className="col-span-2 flex flex-col gap-1">
        <Label htmlFor="filter-q">{t("search")}</Label>
        <Input id="filter-q" name="q" type="search" defaultValue={view.search ?? ""} placeholder={t("searchPlaceholder")} />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-state">{t("state")}</Label>
        <Select id="filter-state" name="state" defaultValue={view.stateCode ?? ""}>
          <option value="">{t("all")}</option>
          {states.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
          {view.stateCode && !states.some((s) => s.code === view.stateCode) ? (
            <option value={view.stateCode}>{view.stateCode}</option>
          ) : null}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-kind">{t("kind")}</Label>
        <Select id="filter-kind" name="kind" defaultValue={view.kind ?? ""}>
          <option value="">{t("all")}</option>
          <option value="STATE">{tKinds("STATE")}</option>
          <option value="MUNICIPAL">{tKinds("MUNICIPAL")}</option>
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-level">{t("level")}</Label>
        <Select id="filter-level" name="level" defaultValue={view.level ?? ""}>
          <option value="">{t("all")}</option>
          {LEVEL_VALUES.map((level) => (
            <option key={level} value={level}>
              {tLevels(level)}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-rule">{t("rule")}</Label>
        <Select id="filter-rule" name="rule" defaultValue={view.rule ?? ""}>
          <option value="">{t("all")}</option>
          {ruleIds.map((id) => (
            <option key={id} value={id}>
              {ruleName(id)}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-status">{t("status")}</Label>
        <Select id="filter-status" name="status" defaultValue={view.status ?? ""}>
          <option value="">{t("all")}</option>
          {DEPARTMENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`statuses.${status}`)}
            </option>
          ))}
        </Select>
      </div>
      {view.sort !== "code" ? <input type="hidden" name="sort" value={view.sort} /> : null}
      {view.direction !== "asc" ? <input type="hidden" name="dir" value={view.direction} /> : null}
      <div className="col-span-2 flex items-end gap-2 lg:col-span-4 xl:col-span-7">
        <Button type="submit" data-testid="apply-filters">
          <Filter aria-hidden="true" />
          {t("apply")}
        </Button>
        <Button asChild variant="outline">
          <Link href="/departments">{t("clear")}</Link>
        </Button>
      </div>
    </Form>
  );
}
