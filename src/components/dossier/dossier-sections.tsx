import { CircleCheck, CircleX } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { calendarDay as day } from "~/components/format/calendar-day";
import { Section } from "~/components/layout/section";
import { ComplaintRefLink, TableSection } from "~/components/layout/table-section";
import { LevelBadge } from "~/components/levels/level-badge";
import { useRuleName } from "~/components/levels/rule-name";
import { Badge } from "~/components/ui/badge";
import { Card, CardTitle } from "~/components/ui/card";
import { YesNo } from "~/components/ui/yes-no";
import type { departmentDossier } from "~/server/departments/dossier";

export type Dossier = Awaited<ReturnType<typeof departmentDossier>>;

export function MetricCards({ metrics }: { metrics: Dossier["metrics"] }) {
  const t = useTranslations("dossier.metrics");
  const format = useFormatter();
  const percent = (v: number | null) => (v === null ? "—" : format.number(v / 100, "percent"));
  const cards = [
    ["officers", format.number(metrics.officers, "integer")],
    ["vettingCoverage", percent(metrics.vettingCoverage)],
    ["trainingCompliance", percent(metrics.trainingCompliance)],
    ["expiredVetting", format.number(metrics.expiredVetting, "integer")],
    ["failedOnDuty", format.number(metrics.failedOnDuty, "integer")],
    ["seriousAbuse24m", format.number(metrics.seriousAbuse24m, "integer")],
  ] as const;
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="metric-cards">
      {cards.map(([key, value]) => (
        <Card key={key}>
          <CardTitle className="text-sm font-medium text-slate-800">{t(key)}</CardTitle>
          <p className="mt-1 text-2xl font-bold tabular-nums">{value}</p>
        </Card>
      ))}
    </div>
  );
}

export function OfficersSection({ officers }: { officers: Dossier["officers"] }) {
  const t = useTranslations("dossier.officers");
  const tVetting = useTranslations("enums.vetting");
  const format = useFormatter();
  return (
    <TableSection
      id="officers"
      title={t("title", { count: officers.length })}
      testId="officers-table"
      rows={officers}
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
          cell: (o) => (o.vettingValidUntil && o.vettingResult === "APPROVED" ? format.dateTime(day(o.vettingValidUntil), "day") : "—"),
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
  );
}

export function ComplaintsSection({ complaints }: { complaints: Dossier["complaints"] }) {
  const t = useTranslations("dossier.complaints");
  const tEnums = useTranslations("enums");
  const format = useFormatter();
  return (
    <TableSection
      id="complaints"
      title={t("title")}
      testId="complaints-table"
      rows={complaints}
      rowKey={(c) => c.ref}
      empty={<p>{t("empty")}</p>}
      columns={[
        { header: t("ref"), cellClassName: "font-mono", cell: (c) => <ComplaintRefLink complaintRef={c.ref} /> },
        { header: t("received"), cell: (c) => format.dateTime(c.receivedOn, "day") },
        { header: t("category"), cell: (c) => tEnums(`category.${c.category}`) },
        { header: t("source"), cell: (c) => tEnums(`source.${c.source}`) },
        { header: t("status"), cell: (c) => tEnums(`complaintStatus.${c.status}`) },
      ]}
    />
  );
}

export function CasesSection({ dossier }: { dossier: Dossier }) {
  const t = useTranslations("dossier.cases");
  const tEnums = useTranslations("enums");
  const ruleName = useRuleName();
  const format = useFormatter();
  return (
    <Section id="cases" title={t("title")}>
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-3">
        <Card>
          <CardTitle>{t("recommendations")}</CardTitle>
          {dossier.recommendations.length === 0 ? (
            <p className="text-sm">{t("none")}</p>
          ) : (
            <ul className="mt-2 flex flex-col gap-2 text-sm">
              {dossier.recommendations.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center gap-2">
                  <LevelBadge level={r.level} />
                  <Badge>{tEnums(`recommendationStatus.${r.status}`)}</Badge>
                  <span>{format.dateTime(r.createdAt, "instant")}</span>
                  {r.justification ? <span className="w-full text-slate-800">{r.justification}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <CardTitle>{t("reviews")}</CardTitle>
          {dossier.reviews.length === 0 ? (
            <p className="text-sm">{t("none")}</p>
          ) : (
            <ul className="mt-2 flex flex-col gap-2 text-sm">
              {dossier.reviews.map((r) => (
                <li key={r.id}>
                  <Badge tone={r.status === "OPEN" ? "info" : "neutral"}>{tEnums(`reviewStatus.${r.status}`)}</Badge> {r.scope} ·{" "}
                  {t("owner", { name: r.owner.name })}
                  {r.dueOn ? <> · {t("due", { date: format.dateTime(r.dueOn, "day") })}</> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <CardTitle>{t("receivership")}</CardTitle>
          {dossier.receiverships.length === 0 ? (
            <p className="text-sm">{t("none")}</p>
          ) : (
            dossier.receiverships.map((c) => (
              <div key={c.id} className="mt-2 text-sm">
                <Badge tone={c.status === "IMPOSED" ? "critical" : "neutral"}>{tEnums(`receivershipStatus.${c.status}`)}</Badge>{" "}
                {c.receivingAuthority}
                <p className="mt-1 font-medium">{t("exitCriteria")}</p>
                <ul className="flex flex-col gap-1">
                  {c.exitCriteria.map((e) => (
                    <li key={e.id}>
                      {e.met ? (
                        <CircleCheck aria-hidden="true" className="inline size-4 text-emerald-800" />
                      ) : (
                        <CircleX aria-hidden="true" className="inline size-4 text-red-800" />
                      )}{" "}
                      {ruleName(e.ruleId)} {e.comparator === "GTE" ? "≥" : "≤"} {format.number(e.threshold, "decimal")}:{" "}
                      {e.currentValue === null ? "—" : format.number(e.currentValue, "decimal")} ({e.met ? t("met") : t("notMet")})
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </Card>
      </div>
    </Section>
  );
}
