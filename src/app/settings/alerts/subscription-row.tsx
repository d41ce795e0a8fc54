"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import type { AlertFrequency } from "~/generated/prisma/enums";
import type { AlertSettingRow, AlertSettings } from "~/server/alerts/settings";
import { useTRPC } from "~/trpc/react";

const FREQUENCIES: AlertFrequency[] = ["IMMEDIATE", "DAILY", "WEEKLY"];

type Props = {
  row: AlertSettingRow;
  settings: AlertSettings;
  names: Map<number, string>;
  onChange: (row: AlertSettingRow, learned?: { id: number; name: string }) => void;
};

function DepartmentPicker({ row, names, onChange }: Omit<Props, "settings">) {
  const t = useTranslations("alertSettings");
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const term = search.trim();
  const options = useQuery({ ...trpc.alerts.departmentOptions.queryOptions({ search: term }), enabled: term.length >= 2 });
  const id = `dept-search-${row.trigger}`;
  return (
    <div className="flex flex-col gap-1">
      <span className="text-sm font-medium">{t("chosenDepartments")}</span>
      <ul className="flex flex-wrap gap-1">
        {row.departmentIds.map((deptId) => (
          <li key={deptId} className="flex items-center gap-1 rounded border border-slate-300 bg-slate-50 px-2 text-sm">
            {names.get(deptId) ?? `#${deptId}`}
            <Button
              type="button"
              variant="ghost"
              size="sm"
              aria-label={t("remove", { name: names.get(deptId) ?? `#${deptId}` })}
              onClick={() => onChange({ ...row, departmentIds: row.departmentIds.filter((d) => d !== deptId) })}
            >
              ×
            </Button>
          </li>
        ))}
      </ul>
      <label htmlFor={id} className="text-sm">
        {t("searchDepartment")}
      </label>
      <input
        id={id}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        className="h-8 max-w-sm rounded border border-slate-400 px-2"
      />
      {options.data && options.data.length > 0 ? (
        <ul className="max-w-sm rounded border border-slate-300 bg-white">
          {options.data
            .filter((d) => !row.departmentIds.includes(d.id))
            .map((d) => (
              <li key={d.id} className="flex items-center justify-between gap-2 px-2 py-1 text-sm">
                <span>
                  {d.name} ({d.code})
                </span>
                <Button
                  type="button"
                  size="sm"
                  variant="outline"
                  onClick={() => onChange({ ...row, departmentIds: [...row.departmentIds, d.id] }, { id: d.id, name: d.name })}
                >
                  {t("add")}
                </Button>
              </li>
            ))}
        </ul>
      ) : null}
    </div>
  );
}

/** One trigger: on/off, frequency, and optionally a narrower scope than the role's. */
export function SubscriptionRow({ row, settings, names, onChange }: Props) {
  const t = useTranslations("alertSettings");
  const narrowed = row.stateCodes.length > 0 || row.departmentIds.length > 0;
  const [custom, setCustom] = useState(narrowed);
  const base = `sub-${row.trigger}`;
  return (
    <fieldset className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-4" data-testid={base}>
      <legend className="px-1 font-semibold">{t(`triggers.${row.trigger}`)}</legend>
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={row.enabled} onChange={(e) => onChange({ ...row, enabled: e.target.checked })} />
          {t("enabled")}
        </label>
        <label className="flex items-center gap-2">
          {t("frequency")}
          <select
            value={row.frequency}
            disabled={!row.enabled}
            className="h-8 rounded border border-slate-400 px-2"
            onChange={(e) => onChange({ ...row, frequency: e.target.value as AlertFrequency })}
          >
            {FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {t(`frequencies.${f}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {row.trigger === "EVALUATION_FAILED" || !row.enabled ? null : (
        <div className="flex flex-col gap-2">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={!custom}
              onChange={(e) => {
                setCustom(!e.target.checked);
                if (e.target.checked) onChange({ ...row, stateCodes: [], departmentIds: [] });
              }}
            />
            {t("wholeScope")}
          </label>
          {custom ? (
            <>
              <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
                <legend className="text-sm font-medium">{t("chosenStates")}</legend>
                {settings.states.map((s) => (
                  <label key={s.code} className="flex items-center gap-1 text-sm">
                    <input
                      type="checkbox"
                      checked={row.stateCodes.includes(s.code)}
                      onChange={(e) =>
                        onChange({
                          ...row,
                          stateCodes: e.target.checked ? [...row.stateCodes, s.code] : row.stateCodes.filter((c) => c !== s.code),
                        })
                      }
                    />
                    {s.name}
                  </label>
                ))}
              </fieldset>
              <DepartmentPicker row={row} names={names} onChange={onChange} />
            </>
          ) : null}
        </div>
      )}
    </fieldset>
  );
}
