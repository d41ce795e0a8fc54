"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import type { RuleExplanation } from "~/server/evaluations/explain-department";

// A page of records at a time keeps a long list readable; "more" and "all" reach its end.
const RECORDS_STEP = 50;

/** The records a rule counted, each linking to its page, shown 50 at a time up to the last one. */
export function RuleRecords({ rule }: { rule: RuleExplanation }) {
  const t = useTranslations("dossier.why");
  const [shownCount, setShownCount] = useState(RECORDS_STEP);
  if (!rule.records || rule.records.length === 0)
    return <span className="text-xs text-slate-700">{rule.level === "NONE" ? t("noRecords") : "—"}</span>;
  const records = rule.records;
  const bucket = (name: string) => (t.has(`buckets.${name}` as never) ? t(`buckets.${name}` as never) : name);
  const shown = records.slice(0, shownCount);
  const rest = records.length - shown.length;
  return (
    <details data-testid={`records-${rule.id}`}>
      <summary className="cursor-pointer text-sm text-link underline">{t("records", { count: records.length })}</summary>
      <ul
        className="mt-1 flex max-h-64 flex-col gap-0.5 overflow-y-auto text-xs print:max-h-none"
        aria-label={t("records", { count: records.length })}
      >
        {shown.map((r, i) => (
          <li key={`${r.officerId ?? ""}-${r.complaintRef ?? ""}-${r.vettingId ?? ""}-${i}`}>
            {r.officerId ? (
              <Link className="font-mono text-link underline" href={`/officers/${encodeURIComponent(r.officerId)}`}>
                {t("officerRecord", { id: r.officerId })}
              </Link>
            ) : null}
            {r.complaintRef ? (
              <Link className="font-mono text-link underline" href={`/complaints/${encodeURIComponent(r.complaintRef)}`}>
                {t("complaintRecord", { ref: r.complaintRef })}
              </Link>
            ) : null}
            {" · "}
            {bucket(r.bucket)}
          </li>
        ))}
      </ul>
      <p role="status" className="text-xs">
        {t("recordsShown", { shown: shown.length, count: records.length })}
      </p>
      {rest > 0 ? (
        <div className="no-print mt-1 flex flex-wrap gap-2">
          <Button type="button" size="sm" variant="outline" onClick={() => setShownCount(shownCount + RECORDS_STEP)}>
            {t("recordsMore", { count: Math.min(rest, RECORDS_STEP) })}
          </Button>
          <Button type="button" size="sm" variant="outline" onClick={() => setShownCount(records.length)}>
            {t("recordsAll", { count: records.length })}
          </Button>
        </div>
      ) : null}
    </details>
  );
}
