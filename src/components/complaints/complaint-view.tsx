import { ExternalLink, ShieldAlert } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { calendarDay } from "~/components/format/calendar-day";
import { Section } from "~/components/layout/section";
import { Card } from "~/components/ui/card";
import type { complaintDetail } from "~/server/complaints/complaint-detail";

export type ComplaintDetail = Awaited<ReturnType<typeof complaintDetail>>;

/** A complaint's page body; the summary section exists only when the API returned the summary. */
export function ComplaintView({ complaint }: { complaint: ComplaintDetail }) {
  const t = useTranslations("complaint");
  const tEnums = useTranslations("enums");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const day = (ymd: string) => format.dateTime(calendarDay(ymd), "day");
  const details: [string, React.ReactNode][] = [
    [
      t("department"),
      <Link key="d" className="text-link underline" href={`/departments/${encodeURIComponent(complaint.department.code)}`}>
        {complaint.department.name}
      </Link>,
    ],
    [t("received"), day(complaint.receivedOn)],
    [t("resolved"), complaint.resolvedOn ? day(complaint.resolvedOn) : t("notResolved")],
    [t("source"), tEnums(`source.${complaint.source}`)],
    [t("category"), tEnums(`category.${complaint.category}`)],
    [t("status"), tEnums(`complaintStatus.${complaint.status}`)],
  ];
  return (
    <div className="flex flex-col gap-6">
      <Section id="details" title={t("details")}>
        <Card>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid="complaint-details">
            {details.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-slate-800">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </Section>
      {"summary" in complaint ? (
        <Section id="summary" title={t("summary.title")}>
          <Card data-testid="complaint-summary">
            <p className="mb-2 flex items-center gap-1 text-xs font-medium text-amber-900">
              <ShieldAlert aria-hidden="true" className="size-4" />
              {t("summary.notice")}
            </p>
            <p className="whitespace-pre-wrap">{complaint.summary ?? t("summary.empty")}</p>
          </Card>
        </Section>
      ) : null}
      <Section id="complaint-officers" title={t("officers.title")}>
        {complaint.officers.length === 0 ? (
          <p className="text-sm">{t("officers.empty")}</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm" data-testid="complaint-officers">
            {complaint.officers.map((o) => (
              <li key={o.id}>
                <Link className="text-link underline" href={`/officers/${encodeURIComponent(o.id)}`}>
                  {o.familyName}, {o.givenName}
                </Link>{" "}
                <span className="font-mono text-slate-700">({o.id})</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="sources" title={t("sources.title")}>
        {complaint.sourceLinks.length === 0 ? (
          <p className="text-sm">{t("sources.empty")}</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm" data-testid="complaint-sources">
            {complaint.sourceLinks.map((s) => (
              <li key={s.id}>
                <a className="inline-flex items-center gap-1 text-link underline" href={s.url} target="_blank" rel="noopener noreferrer">
                  {s.label}
                  <ExternalLink aria-hidden="true" className="size-3.5" />
                  <span className="sr-only">{tCommon("externalLink")}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
