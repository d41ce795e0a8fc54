import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { calendarDay } from "~/components/format/calendar-day";
import { Section } from "~/components/layout/section";
import { ComplaintRefLink, TableSection } from "~/components/layout/table-section";
import { Badge } from "~/components/ui/badge";
import { Card, CardTitle } from "~/components/ui/card";
import { YesNo } from "~/components/ui/yes-no";
import type { officerProfile } from "~/server/officers/officer-profile";

export type OfficerProfile = Awaited<ReturnType<typeof officerProfile>>;

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="text-sm text-slate-800">{children}</p>;
}

/** The officer's standing at the page's date: active, vetting and training, each as words and icons. */
export function StandingCards({ profile }: { profile: OfficerProfile }) {
  const t = useTranslations("officer.standing");
  const format = useFormatter();
  const day = (ymd: string) => format.dateTime(calendarDay(ymd), "day");
  const { officer, training } = profile;
  const vetting = (() => {
    if (!officer.vettingResult || !officer.vettingEvaluatedOn) return { tone: "critical", text: t("noVetting") } as const;
    if (officer.vettingCurrent) return { tone: "success", text: t("vettingCurrent", { date: day(officer.vettingValidUntil!) }) } as const;
    if (officer.vettingExpired) return { tone: "warning", text: t("vettingExpired", { date: day(officer.vettingValidUntil!) }) } as const;
    if (officer.failedOnDuty) return { tone: "critical", text: t("failedOnDuty", { date: day(officer.vettingEvaluatedOn) }) } as const;
    if (officer.vettingResult === "NOT_APPROVED")
      return { tone: "danger", text: t("vettingNotApproved", { date: day(officer.vettingEvaluatedOn) }) } as const;
    return { tone: "info", text: t("vettingPending", { date: day(officer.vettingEvaluatedOn) }) } as const;
  })();
  return (
    <Section id="standing" title={t("title", { date: day(profile.asOf) })}>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3" data-testid="officer-standing">
        <Card>
          <CardTitle>{officer.active ? t("active") : t("inactive")}</CardTitle>
          <p className="mt-2 text-sm">{t("hiredOn", { date: day(officer.hiredOn) })}</p>
          {officer.separatedOn ? <p className="text-sm">{t("separatedOn", { date: day(officer.separatedOn) })}</p> : null}
        </Card>
        <Card>
          <CardTitle>{t("vetting")}</CardTitle>
          <p className="mt-2">
            <Badge tone={vetting.tone} data-vetting={officer.vettingCurrent ? "current" : "not-current"}>
              {vetting.text}
            </Badge>
          </p>
        </Card>
        <Card>
          <CardTitle>{t("training")}</CardTitle>
          <p className="mt-2 text-sm">
            {t("trainingHours", { hours: format.number(Number(officer.trainingHours12m), "decimal"), required: training.requiredHours })}
          </p>
          <p className="text-sm">
            {t("initial")}: <YesNo value={officer.trainingInitial} />
          </p>
          <p className="text-sm font-medium">
            <YesNo value={officer.trainingCompliant} yes={t("compliant")} no={t("notCompliant")} />
          </p>
        </Card>
      </div>
    </Section>
  );
}

export function AssignmentsSection({ assignments }: { assignments: OfficerProfile["assignments"] }) {
  const t = useTranslations("officer.assignments");
  const format = useFormatter();
  return (
    <TableSection
      id="assignments"
      title={t("title")}
      testId="assignments-table"
      rows={assignments}
      rowKey={(a) => a.id}
      empty={<Empty>{t("empty")}</Empty>}
      columns={[
        {
          header: t("department"),
          cell: (a) =>
            a.department ? (
              <Link className="text-link underline" href={`/departments/${encodeURIComponent(a.department.code)}`}>
                {a.department.name}
              </Link>
            ) : (
              <span className="italic">{t("outOfScope")}</span>
            ),
        },
        { header: t("from"), cell: (a) => format.dateTime(a.recordedAt, "day") },
        { header: t("until"), cell: (a) => (a.endedAt ? format.dateTime(a.endedAt, "day") : t("current")) },
      ]}
    />
  );
}

export function VettingSection({ vetting }: { vetting: OfficerProfile["vetting"] }) {
  const t = useTranslations("officer.vetting");
  const tResult = useTranslations("enums.vetting");
  const format = useFormatter();
  return (
    <TableSection
      id="vetting"
      title={t("title")}
      testId="vetting-table"
      rows={vetting}
      rowKey={(v) => v.id}
      empty={<Empty>{t("empty")}</Empty>}
      columns={[
        { header: t("evaluatedOn"), cell: (v) => format.dateTime(calendarDay(v.evaluatedOn), "day") },
        { header: t("result"), cell: (v) => tResult(v.result) },
        // Only an approval is valid until a date; a failed or pending result has no validity to show.
        { header: t("validUntil"), cell: (v) => (v.result === "APPROVED" ? format.dateTime(calendarDay(v.validUntil), "day") : "—") },
      ]}
    />
  );
}

export function TrainingSection({ records }: { records: OfficerProfile["training"]["records"] }) {
  const t = useTranslations("officer.training");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <TableSection
      id="training"
      title={t("title")}
      testId="training-table"
      rows={records}
      rowKey={(r) => r.id}
      empty={<Empty>{t("empty")}</Empty>}
      columns={[
        { header: t("course"), cell: (r) => (locale.startsWith("en") ? r.courseName.en : r.courseName.es) },
        { header: t("completedOn"), cell: (r) => format.dateTime(calendarDay(r.completedOn), "day") },
        {
          header: t("hours"),
          headClassName: "text-right",
          cellClassName: "text-right tabular-nums",
          cell: (r) => format.number(Number(r.hours), "decimal"),
        },
      ]}
    />
  );
}

export function OfficerComplaintsSection({ complaints }: { complaints: OfficerProfile["complaints"] }) {
  const t = useTranslations("officer.complaints");
  const tColumns = useTranslations("dossier.complaints");
  const tEnums = useTranslations("enums");
  const format = useFormatter();
  return (
    <TableSection
      id="officer-complaints"
      title={t("title")}
      testId="officer-complaints-table"
      rows={complaints}
      rowKey={(c) => c.ref}
      empty={<Empty>{t("empty")}</Empty>}
      columns={[
        { header: tColumns("ref"), cellClassName: "font-mono", cell: (c) => <ComplaintRefLink complaintRef={c.ref} /> },
        { header: tColumns("received"), cell: (c) => format.dateTime(calendarDay(c.receivedOn), "day") },
        { header: tColumns("category"), cell: (c) => tEnums(`category.${c.category}`) },
        { header: tColumns("status"), cell: (c) => tEnums(`complaintStatus.${c.status}`) },
        { header: t("department"), cellClassName: "font-mono", cell: (c) => c.departmentCode },
      ]}
    />
  );
}
