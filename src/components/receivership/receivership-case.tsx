"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { CommentThread } from "~/components/comments/comment-thread";
import { calendarDay } from "~/components/format/calendar-day";
import { Section } from "~/components/layout/section";
import { LevelBadge } from "~/components/levels/level-badge";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Skeleton } from "~/components/ui/skeleton";
import type { getReceivership } from "~/server/receivership/list-receiverships";
import { useTRPC } from "~/trpc/react";
import { ApprovePanel, ExtendForm, LiftForm, WithdrawForm } from "./case-actions";
import { HistorySection, MilestonesSection, SourceLinksSection } from "./case-records";
import { ExitCriteriaTable } from "./exit-criteria-view";
import { LegalBasisView } from "./legal-basis-view";
import { ProposalForm } from "./proposal-form";

export type CaseView = Awaited<ReturnType<typeof getReceivership>>;

/** What the signed-in role may do here (the server checks each action again). */
export type CasePermissions = {
  propose: boolean;
  approve: boolean;
  extend: boolean;
  lift: boolean;
  comment: boolean;
  isSupervisor: boolean;
  userId: number;
};

const TONE = { PROPOSED: "warning", IMPOSED: "critical", LIFTED: "success", WITHDRAWN: "neutral" } as const;

/** The receivership case page: terms, legal basis, criteria, approvals, milestones, history, sources and comments, with the actions the role allows. */
export function ReceivershipCase({ id, can }: { id: number; can: CasePermissions }) {
  const t = useTranslations("receivership");
  const tStatus = useTranslations("enums.receivershipStatus");
  const tRoles = useTranslations("roles");
  const format = useFormatter();
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const [approved, setApproved] = useState<string | null>(null);
  const { data: found, error } = useQuery(trpc.receivership.get.queryOptions({ id }));
  if (error) return <ErrorAlert error={error} />;
  if (!found) return <Skeleton className="h-96 w-full" />;
  const day = (ymd: string | null) => (ymd ? format.dateTime(calendarDay(ymd), "day") : t("noDate"));
  const live = found.status === "PROPOSED" || found.status === "IMPOSED";
  const alreadyApproved = found.approvals.some((a) => a.userId === can.userId);
  const canWithdraw = found.status === "PROPOSED" && can.propose && (can.isSupervisor || found.proposedBy.id === can.userId);
  return (
    <div className="flex flex-col gap-6" data-case-status={found.status}>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <Badge tone={TONE[found.status]} data-testid="case-status">
          {tStatus(found.status)}
        </Badge>
        <span>{t("revision", { revision: found.proposalRevision })}</span>
        <Link className="text-link underline" href={`/departments/${encodeURIComponent(found.department.code)}`}>
          {t("dossierLink", { name: found.department.name })}
        </Link>
        <Link className="text-link underline" href="/queues?tab=receivership">
          {t("boardLink")}
        </Link>
        {found.recommendation ? (
          <span className="flex items-center gap-1">
            {t("fromRecommendation", { id: found.recommendation.id, date: day(found.recommendation.asOf) })}
            <LevelBadge level={found.recommendation.level} />
          </span>
        ) : null}
      </div>

      <Section id="terms" title={t("sections.terms")}>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm md:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t("authority")}</dt>
          <dd>{found.receivingAuthority}</dd>
          <dt className="font-medium">{t("terms")}</dt>
          <dd className="whitespace-pre-wrap">{found.terms}</dd>
          <dt className="font-medium">{t("startDate")}</dt>
          <dd>{day(found.startDate)}</dd>
          <dt className="font-medium">{t("reviewDate")}</dt>
          <dd data-testid="review-date">{day(found.reviewDate)}</dd>
          {found.endDate ? (
            <>
              <dt className="font-medium">{t("endDate")}</dt>
              <dd>{day(found.endDate)}</dd>
            </>
          ) : null}
          {found.liftOverrideReason ? (
            <>
              <dt className="font-medium">{t("override")}</dt>
              <dd>{found.liftOverrideReason}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t("proposedBy")}</dt>
          <dd>{t("proposedByValue", { name: found.proposedBy.name, date: format.dateTime(found.createdAt, "instant") })}</dd>
        </dl>
        {found.status === "PROPOSED" && can.propose ? (
          <div>
            <Button variant="outline" onClick={() => setEditing(!editing)} aria-expanded={editing}>
              {editing ? t("closeEdit") : t("openEdit")}
            </Button>
          </div>
        ) : null}
        {saved !== null ? (
          <p role="status" className="text-sm text-emerald-800">
            {t("saved", { count: saved })}{" "}
            <a className="text-link underline" href="#history">
              {t("seeHistory")}
            </a>
          </p>
        ) : null}
        {editing && found.status === "PROPOSED" ? (
          <ProposalForm
            key={found.version}
            found={found}
            onDone={(withdrawn) => {
              setSaved(withdrawn);
              setEditing(false);
            }}
          />
        ) : null}
      </Section>

      <Section id="legal-basis" title={t("sections.legalBasis")}>
        <LegalBasisView text={found.legalBasis} placeholders={found.legalBasisPlaceholders} />
        {found.status === "PROPOSED" && found.legalBasisPlaceholders.length > 0 ? (
          <p className="text-sm">{t("placeholderExplain")}</p>
        ) : null}
      </Section>

      <Section
        id="criteria"
        title={t("sections.criteria", { met: found.exitCriteria.filter((c) => c.met).length, total: found.exitCriteria.length })}
      >
        <ExitCriteriaTable criteria={found.exitCriteria} />
        <p className="text-xs text-slate-700">{t("criteriaExplain")}</p>
      </Section>

      <Section id="approvals" title={t("sections.approvals")}>
        {found.approvals.length === 0 ? <p className="text-sm">{t("noApprovals")}</p> : null}
        <ul className="flex flex-col gap-1 text-sm" data-testid="approvals">
          {found.approvals.map((a) => (
            <li key={a.userId}>
              {t("approval", {
                name: a.name,
                role: tRoles(a.role),
                date: format.dateTime(a.approvedAt, "instant"),
                revision: a.proposalRevision,
              })}
            </li>
          ))}
        </ul>
        {found.approvalsNeeded && found.approvalsNeeded.count > 0 ? (
          <p className="text-sm">
            {t("needed", { count: found.approvalsNeeded.count, roles: found.approvalsNeeded.roles.map((r) => tRoles(r)).join(" / ") })}
          </p>
        ) : null}
        {approved ? (
          <p role="status" className="text-sm text-emerald-800">
            {approved}
          </p>
        ) : null}
        {found.status === "PROPOSED" && can.approve && !alreadyApproved ? <ApprovePanel found={found} onApproved={setApproved} /> : null}
        {found.status === "PROPOSED" && alreadyApproved ? <p className="text-sm">{t("youApproved")}</p> : null}
      </Section>

      {live && (canWithdraw || (found.status === "IMPOSED" && (can.extend || can.lift))) ? (
        <Section id="actions" title={t("sections.actions")}>
          {canWithdraw ? <WithdrawForm found={found} /> : null}
          {found.status === "IMPOSED" && can.extend ? <ExtendForm found={found} /> : null}
          {found.status === "IMPOSED" && can.lift ? <LiftForm found={found} /> : null}
        </Section>
      ) : null}

      <Section id="milestones" title={t("sections.milestones")}>
        <MilestonesSection found={found} canEdit={live && can.propose} />
      </Section>

      <Section id="history" title={t("sections.history")}>
        <HistorySection found={found} />
      </Section>

      <Section id="sources" title={t("sections.sources")}>
        <SourceLinksSection found={found} canEdit={live && can.propose} />
      </Section>

      <CommentThread target={{ type: "RECEIVERSHIP", id: found.id }} canWrite={can.comment} />
    </div>
  );
}
