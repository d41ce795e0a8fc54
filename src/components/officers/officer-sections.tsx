import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { calendarDay } from "~/components/format/calendar-day";
import { Section } from "~/components/layout/section";
import { Badge } from "~/components/ui/badge";
import { Card, CardTitle } from "~/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
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
    if (officer.vettingResult === "NOT_APPROVED") return { tone: "danger", text: t("vettingNotApproved", { date: day(officer.vettingEvaluatedOn) }) } as const;
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
            <Badge tone={vetting.tone} data-vetting={officer.vettingCurrent ? "current" : "not-current"}>{vetting.text}</Badge>
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
    <Section id="assignments" title={t("title")}>
      {assignments.length === 0 ? <Empty>{t("empty")}</Empty> : (
        <Table data-testid="assignments-table">
          <TableHeader>
            <TableRow>
              <TableHead scope="col">{t("department")}</TableHead>
              <TableHead scope="col">{t("from")}</TableHead>
              <TableHead scope="col">{t("until")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {assignments.map((a) => (
              <TableRow key={a.id}>
                <TableCell>
                  {a.department ? <Link className="text-link underline" href={`/departments/${encodeURIComponent(a.department.code)}`}>{a.department.name}</Link> : <span className="italic">{t("outOfScope")}</span>}
                </TableCell>
                <TableCell>{format.dateTime(a.recordedAt, "day")}</TableCell>
                <TableCell>{a.endedAt ? format.dateTime(a.endedAt, "day") : t("current")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}

export function VettingSection({ vetting }: { vetting: OfficerProfile["vetting"] }) {
  const t = useTranslations("officer.vetting");
  const tResult = useTranslations("enums.vetting");
  const format = useFormatter();
  return (
    <Section id="vetting" title={t("title")}>
      {vetting.length === 0 ? <Empty>{t("empty")}</Empty> : (
        <Table data-testid="vetting-table">
          <TableHeader>
            <TableRow>
              <TableHead scope="col">{t("evaluatedOn")}</TableHead>
              <TableHead scope="col">{t("result")}</TableHead>
              <TableHead scope="col">{t("validUntil")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {vetting.map((v) => (
              <TableRow key={v.id}>
                <TableCell>{format.dateTime(calendarDay(v.evaluatedOn), "day")}</TableCell>
                <TableCell>{tResult(v.result)}</TableCell>
                <TableCell>{format.dateTime(calendarDay(v.validUntil), "day")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}

export function TrainingSection({ records }: { records: OfficerProfile["training"]["records"] }) {
  const t = useTranslations("officer.training");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <Section id="training" title={t("title")}>
      {records.length === 0 ? <Empty>{t("empty")}</Empty> : (
        <Table data-testid="training-table">
          <TableHeader>
            <TableRow>
              <TableHead scope="col">{t("course")}</TableHead>
              <TableHead scope="col">{t("completedOn")}</TableHead>
              <TableHead scope="col" className="text-right">{t("hours")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {records.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{locale.startsWith("en") ? r.courseName.en : r.courseName.es}</TableCell>
                <TableCell>{format.dateTime(calendarDay(r.completedOn), "day")}</TableCell>
                <TableCell className="text-right tabular-nums">{format.number(Number(r.hours), "decimal")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}

export function OfficerComplaintsSection({ complaints }: { complaints: OfficerProfile["complaints"] }) {
  const t = useTranslations("officer.complaints");
  const tColumns = useTranslations("dossier.complaints");
  const tEnums = useTranslations("enums");
  const format = useFormatter();
  return (
    <Section id="officer-complaints" title={t("title")}>
      {complaints.length === 0 ? <Empty>{t("empty")}</Empty> : (
        <Table data-testid="officer-complaints-table">
          <TableHeader>
            <TableRow>
              <TableHead scope="col">{tColumns("ref")}</TableHead>
              <TableHead scope="col">{tColumns("received")}</TableHead>
              <TableHead scope="col">{tColumns("category")}</TableHead>
              <TableHead scope="col">{tColumns("status")}</TableHead>
              <TableHead scope="col">{t("department")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {complaints.map((c) => (
              <TableRow key={c.ref}>
                <TableCell className="font-mono"><Link className="text-link underline" href={`/complaints/${encodeURIComponent(c.ref)}`}>{c.ref}</Link></TableCell>
                <TableCell>{format.dateTime(calendarDay(c.receivedOn), "day")}</TableCell>
                <TableCell>{tEnums(`category.${c.category}`)}</TableCell>
                <TableCell>{tEnums(`complaintStatus.${c.status}`)}</TableCell>
                <TableCell className="font-mono">{c.departmentCode}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
