"use client";

import { CircleCheck, CircleX } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRuleName } from "~/components/levels/rule-name";

type Criterion = {
  id?: number;
  ruleId: string;
  comparator: "GTE" | "LTE";
  threshold: number;
  currentValue?: number | null;
  met?: boolean | null;
};

/**
 * How far a value is toward its target, 0–100: for "≥ target" the share of the target reached; for
 * "≤ target" full once at or below it, otherwise target / value (0 when the target is 0 and unmet).
 */
export function criterionProgress(c: Criterion): number | null {
  if (c.currentValue === null || c.currentValue === undefined) return null;
  if (c.met) return 100;
  if (c.comparator === "GTE") return c.threshold <= 0 ? 0 : Math.max(0, Math.min(99, Math.floor((100 * c.currentValue) / c.threshold)));
  return c.currentValue <= 0 ? 0 : Math.max(0, Math.min(99, Math.floor((100 * c.threshold) / c.currentValue)));
}

/** Exit criteria with metric, comparator, target, the latest value and progress toward it. */
export function ExitCriteriaTable({ criteria }: { criteria: Criterion[] }) {
  const t = useTranslations("receivership.criteria");
  const ruleName = useRuleName();
  const format = useFormatter();
  if (criteria.length === 0) return <p className="text-sm">{t("none")}</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="exit-criteria">
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-1 pr-2">
            {t("rule")}
          </th>
          <th scope="col" className="py-1 pr-2">
            {t("target")}
          </th>
          <th scope="col" className="py-1 pr-2 text-right">
            {t("current")}
          </th>
          <th scope="col" className="py-1 pr-2">
            {t("progress")}
          </th>
          <th scope="col" className="py-1">
            {t("state")}
          </th>
        </tr>
      </thead>
      <tbody>
        {criteria.map((c) => {
          const progress = criterionProgress(c);
          return (
            <tr key={c.id ?? c.ruleId} className="border-b border-slate-200" data-criterion={c.ruleId} data-met={c.met ? "true" : "false"}>
              <td className="py-1 pr-2">
                {ruleName(c.ruleId)} <span className="font-mono text-xs">({c.ruleId})</span>
              </td>
              <td className="py-1 pr-2 tabular-nums">
                {c.comparator === "GTE" ? "≥" : "≤"} {format.number(c.threshold, "decimal")}
              </td>
              <td className="py-1 pr-2 text-right tabular-nums">
                {c.currentValue === null || c.currentValue === undefined ? t("noValue") : format.number(c.currentValue, "decimal")}
              </td>
              <td className="py-1 pr-2">
                {progress === null ? (
                  "—"
                ) : (
                  <progress
                    className="h-2 w-24"
                    max={100}
                    value={progress}
                    aria-label={t("progressLabel", { rule: c.ruleId, percent: progress })}
                  />
                )}
              </td>
              <td className="py-1">
                {c.met ? (
                  <span className="text-emerald-800">
                    <CircleCheck aria-hidden="true" className="inline size-4" /> {t("met")}
                  </span>
                ) : (
                  <span className="text-red-800">
                    <CircleX aria-hidden="true" className="inline size-4" /> {t("notMet")}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
