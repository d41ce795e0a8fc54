"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { calendarDay as day } from "~/components/format/calendar-day";
import { Section } from "~/components/layout/section";
import { ComplaintRefLink, RecordsTable } from "~/components/layout/table-section";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Label, Select } from "~/components/ui/input";
import { Pager } from "~/components/ui/pager";
import { Skeleton } from "~/components/ui/skeleton";
import { YesNo } from "~/components/ui/yes-no";
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES } from "~/components/complaints/complaint-enums";
import { formText } from "~/components/ui/form-text";
import { useTRPC } from "~/trpc/react";
import { RosterSearch } from "./roster-search";
import { FIRST_PAGE, type RosterView, complaintsInput, rosterInput } from "./roster-inputs";

/** The dossier's officers, paged and searched on the server (the largest departments have thousands). */
export function OfficersRoster({ departmentCode }: { departmentCode: string }) {
  const t = useTranslations("dossier.officers");
  const tVetting = useTranslations("enums.vetting");
  const format = useFormatter();
  const trpc = useTRPC();
  const [view, setView] = useState<RosterView>(FIRST_PAGE);
  const query = useQuery({
    ...trpc.departments.officers.queryOptions(rosterInput(departmentCode, view)),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const title = data ? (data.q ? t("matching", { count: data.total }) : t("title", { count: data.total })) : t("title", { count: 0 });
  return (
    <Section id="officers" title={data ? title : t("loading")}>
      <RosterSearch
        id="officers-search"
        label={t("search")}
        hint={t("searchHint")}
        defaultValue={view.q}
        onSearch={(q) => setView({ page: 1, q })}
      />
      <ErrorAlert error={query.error} />
      {!data ? (
        <Skeleton className="h-64 w-full" />
      ) : (
        <>
          <RecordsTable
            testId="officers-table"
            rows={data.rows}
            empty={data.q ? <p>{t("noMatch", { q: data.q })}</p> : <p>{t("empty")}</p>}
            rowKey={(o) => o.id}
            columns={[
              {
                header: t("id"),
                cellClassName: "font-mono",
                cell: (o) => (
                  <Link className="text-link underline" href={`/officers/${encodeURIComponent(o.id)}`}>
                    {o.id}
                  </Link>
                ),
              },
              {
                header: t("name"),
                cell: (o) => (
                  <>
                    {o.familyName}, {o.givenName}
                  </>
                ),
              },
              { header: t("vetting"), cell: (o) => (o.vettingResult ? tVetting(o.vettingResult) : t("noVetting")) },
              {
                header: t("validUntil"),
                cell: (o) =>
                  o.vettingValidUntil && o.vettingResult === "APPROVED" ? format.dateTime(day(o.vettingValidUntil), "day") : "—",
              },
              { header: t("current"), cell: (o) => <YesNo value={o.vettingCurrent} /> },
              {
                header: t("hours"),
                headClassName: "text-right",
                cellClassName: "text-right tabular-nums",
                cell: (o) => format.number(Number(o.trainingHours12m), "decimal"),
              },
              { header: t("compliant"), cell: (o) => <YesNo value={o.trainingCompliant} /> },
            ]}
          />
          <Pager
            label={t("pager")}
            testId="officers-pager"
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            busy={query.isFetching}
            onPage={(page) => setView({ ...view, page })}
          />
        </>
      )}
    </Section>
  );
}

/** The dossier's complaints, newest first, paged and filtered on the server. */
export function ComplaintsRoster({ departmentCode }: { departmentCode: string }) {
  const t = useTranslations("dossier.complaints");
  const tEnums = useTranslations("enums");
  const format = useFormatter();
  const trpc = useTRPC();
  const [view, setView] = useState<RosterView>(FIRST_PAGE);
  const query = useQuery({
    ...trpc.departments.complaints.queryOptions(complaintsInput(departmentCode, view)),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const filtered = Boolean(view.q.trim() || view.status || view.category);
  return (
    <Section id="complaints" title={data ? t("titleCount", { count: data.total }) : t("title")}>
      <RosterSearch
        id="complaints-search"
        label={t("search")}
        defaultValue={view.q}
        onSearch={(q, form) =>
          setView({
            page: 1,
            q,
            status: COMPLAINT_STATUSES.find((x) => x === formText(form, "status")),
            category: COMPLAINT_CATEGORIES.find((x) => x === formText(form, "category")),
          })
        }
      >
        <div className="flex flex-col gap-1">
          <Label htmlFor="complaints-status">{t("status")}</Label>
          <Select id="complaints-status" name="status" defaultValue={view.status ?? ""}>
            <option value="">{t("any")}</option>
            {COMPLAINT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tEnums(`complaintStatus.${s}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="complaints-category">{t("category")}</Label>
          <Select id="complaints-category" name="category" defaultValue={view.category ?? ""}>
            <option value="">{t("any")}</option>
            {COMPLAINT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tEnums(`category.${c}`)}
              </option>
            ))}
          </Select>
        </div>
      </RosterSearch>
      <ErrorAlert error={query.error} />
      {!data ? (
        <Skeleton className="h-48 w-full" />
      ) : (
        <>
          <RecordsTable
            testId="complaints-table"
            rows={data.rows}
            rowKey={(c) => c.ref}
            empty={<p>{filtered ? t("noMatch") : t("empty")}</p>}
            columns={[
              { header: t("ref"), cellClassName: "font-mono", cell: (c) => <ComplaintRefLink complaintRef={c.ref} /> },
              { header: t("received"), cell: (c) => format.dateTime(day(c.receivedOn), "day") },
              { header: t("category"), cell: (c) => tEnums(`category.${c.category}`) },
              { header: t("source"), cell: (c) => tEnums(`source.${c.source}`) },
              { header: t("status"), cell: (c) => tEnums(`complaintStatus.${c.status}`) },
            ]}
          />
          {data.total > 0 ? (
            <Pager
              label={t("pager")}
              testId="complaints-pager"
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              busy={query.isFetching}
              onPage={(page) => setView({ ...view, page })}
            />
          ) : null}
        </>
      )}
    </Section>
  );
}
