"use client";

import { ChevronFirst, ChevronLast, ChevronLeft, ChevronRight } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "./button";

/**
 * Pages of a server-paged list, with its exact total: first, previous, next, last, and which rows are
 * shown (announced to screen readers as it changes). `label` names the list ("Paginación de elementos").
 */
export function Pager({
  label,
  page,
  pageSize,
  total,
  onPage,
  busy = false,
  testId,
}: {
  label: string;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  busy?: boolean;
  testId?: string;
}) {
  const t = useTranslations("pagination");
  const format = useFormatter();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const n = (value: number) => format.number(value, "integer");
  const go = (target: number) => () => onPage(Math.min(pages, Math.max(1, target)));
  return (
    <nav aria-label={label} className="no-print flex flex-wrap items-center justify-between gap-3 text-sm" data-testid={testId}>
      <p role="status" aria-live="polite">
        {t("showing", { from: n(from), to: n(to), total: n(total) })}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="outline" size="sm" onClick={go(1)} disabled={busy || page <= 1}>
          <ChevronFirst aria-hidden="true" />
          {t("first")}
        </Button>
        <Button type="button" variant="outline" size="sm" onClick={go(page - 1)} disabled={busy || page <= 1}>
          <ChevronLeft aria-hidden="true" />
          {t("previous")}
        </Button>
        <span>{t("pageOf", { page: n(page), pages: n(pages) })}</span>
        <Button type="button" variant="outline" size="sm" onClick={go(page + 1)} disabled={busy || page >= pages}>
          {t("next")}
          <ChevronRight aria-hidden="true" />
        </Button>
        <Button type="button" variant="outline" size="sm" onClick={go(pages)} disabled={busy || page >= pages}>
          {t("last")}
          <ChevronLast aria-hidden="true" />
        </Button>
      </div>
    </nav>
  );
}
