"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { calendarDay } from "~/components/format/calendar-day";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Button } from "~/components/ui/button";
import { Input, Label } from "~/components/ui/input";
import { useTRPC } from "~/trpc/react";
import type { CaseView } from "./receivership-case";
import { todayInMexicoCity, useCaseRefresh } from "./use-case-refresh";
import { formText } from "~/components/ui/form-text";

type Milestone = CaseView["milestones"][number];

function MilestoneRow({ milestone, canEdit }: { milestone: Milestone; canEdit: boolean }) {
  const t = useTranslations("receivership.milestones");
  const format = useFormatter();
  const trpc = useTRPC();
  const refresh = useCaseRefresh();
  const update = useMutation(trpc.receivership.updateMilestone.mutationOptions({ onSuccess: () => refresh() }));
  const remove = useMutation(trpc.receivership.removeMilestone.mutationOptions({ onSuccess: () => refresh() }));
  const overdue = !milestone.completedOn && milestone.dueOn < todayInMexicoCity();
  return (
    <li className="flex flex-col gap-1 border-b border-slate-200 py-2 text-sm" data-milestone={milestone.id}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{milestone.title}</span>
        <span>· {t("due", { date: format.dateTime(calendarDay(milestone.dueOn), "day") })}</span>
        {milestone.completedOn ? (
          <span className="text-emerald-800">· {t("completed", { date: format.dateTime(calendarDay(milestone.completedOn), "day") })}</span>
        ) : overdue ? (
          <span className="text-red-800">· {t("overdue")}</span>
        ) : (
          <span>· {t("pending")}</span>
        )}
        {canEdit ? (
          <>
            <Button
              size="sm"
              variant="outline"
              disabled={update.isPending}
              onClick={() =>
                update.mutate({
                  id: milestone.id,
                  version: milestone.version,
                  completedOn: milestone.completedOn ? null : todayInMexicoCity(),
                })
              }
            >
              {milestone.completedOn ? t("reopen", { title: milestone.title }) : t("complete", { title: milestone.title })}
            </Button>
            {!milestone.completedOn ? (
              <Button
                size="sm"
                variant="ghost"
                disabled={remove.isPending}
                onClick={() => remove.mutate({ id: milestone.id, version: milestone.version })}
              >
                {t("remove", { title: milestone.title })}
              </Button>
            ) : null}
          </>
        ) : null}
      </div>
      <ErrorAlert error={update.error ?? remove.error} />
    </li>
  );
}

export function MilestonesSection({ found, canEdit }: { found: CaseView; canEdit: boolean }) {
  const t = useTranslations("receivership.milestones");
  const trpc = useTRPC();
  const refresh = useCaseRefresh();
  const add = useMutation(trpc.receivership.addMilestone.mutationOptions({ onSuccess: () => refresh() }));
  return (
    <div className="flex flex-col gap-2">
      {found.milestones.length === 0 ? <p className="text-sm">{t("none")}</p> : null}
      <ul>
        {found.milestones.map((m) => (
          <MilestoneRow key={m.id} milestone={m} canEdit={canEdit} />
        ))}
      </ul>
      {canEdit ? (
        <form
          className="flex flex-wrap items-end gap-2"
          aria-label={t("addLabel")}
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const data = new FormData(form);
            add.mutate(
              { caseId: found.id, title: formText(data, "title"), dueOn: formText(data, "dueOn") },
              { onSuccess: () => form.reset() },
            );
          }}
        >
          <div className="flex flex-col gap-1">
            <Label htmlFor={`ms-title-${found.id}`}>{t("title")}</Label>
            <Input id={`ms-title-${found.id}`} name="title" required minLength={3} className="w-72" />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor={`ms-due-${found.id}`}>{t("dueOn")}</Label>
            <Input id={`ms-due-${found.id}`} name="dueOn" type="date" required className="w-48" />
          </div>
          <Button type="submit" disabled={add.isPending}>
            {t("add")}
          </Button>
          <ErrorAlert error={add.error} className="w-full" />
        </form>
      ) : null}
    </div>
  );
}

export function SourceLinksSection({ found, canEdit }: { found: CaseView; canEdit: boolean }) {
  const t = useTranslations("receivership.sources");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const refresh = useCaseRefresh();
  const add = useMutation(trpc.receivership.addSourceLink.mutationOptions({ onSuccess: () => refresh() }));
  const remove = useMutation(trpc.receivership.removeSourceLink.mutationOptions({ onSuccess: () => refresh() }));
  return (
    <div className="flex flex-col gap-2">
      {found.sourceLinks.length === 0 ? <p className="text-sm">{t("none")}</p> : null}
      <ul className="flex flex-col gap-1 text-sm">
        {found.sourceLinks.map((l) => (
          <li key={l.id} className="flex flex-wrap items-center gap-2">
            <a className="text-link underline" href={l.url} rel="noopener noreferrer nofollow" target="_blank">
              {l.label} <span className="sr-only">{tCommon("externalLink")}</span>
            </a>
            <span className="break-all text-xs text-slate-700">{l.url}</span>
            {canEdit ? (
              <Button size="sm" variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate({ id: l.id })}>
                {t("remove", { label: l.label })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorAlert error={remove.error} />
      {canEdit ? (
        <form
          className="flex flex-wrap items-end gap-2"
          aria-label={t("addLabel")}
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const data = new FormData(form);
            add.mutate({ caseId: found.id, url: formText(data, "url"), label: formText(data, "label") }, { onSuccess: () => form.reset() });
          }}
        >
          <div className="flex flex-col gap-1">
            <Label htmlFor={`src-label-${found.id}`}>{t("label")}</Label>
            <Input id={`src-label-${found.id}`} name="label" required minLength={2} className="w-60" />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor={`src-url-${found.id}`}>{t("url")}</Label>
            <Input id={`src-url-${found.id}`} name="url" type="url" required className="w-80" />
          </div>
          <Button type="submit" disabled={add.isPending}>
            {t("add")}
          </Button>
          <ErrorAlert error={add.error} className="w-full" />
        </form>
      ) : null}
    </div>
  );
}

/** Status changes and amendments (edits with the approvals they withdrew, extensions with their reason), oldest first. */
export function HistorySection({ found }: { found: CaseView }) {
  const t = useTranslations("receivership.history");
  const tStatus = useTranslations("enums.receivershipStatus");
  const tRoles = useTranslations("roles");
  const format = useFormatter();
  const entries = [
    ...found.statusHistory.map((h, i) => ({ key: `s${i}`, at: h.changedAt, status: h, amendment: null })),
    ...found.amendments.map((a) => ({ key: `a${a.id}`, at: a.changedAt, status: null, amendment: a })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return (
    <ol className="flex flex-col gap-2 border-l-2 border-slate-300 pl-4 text-sm" data-testid="case-history">
      {entries.map((e) => (
        <li key={e.key}>
          <time dateTime={e.at.toISOString()} className="font-medium tabular-nums">
            {format.dateTime(e.at, "instant")}
          </time>{" "}
          —{" "}
          {e.status ? (
            <>
              {e.status.fromStatus
                ? t("status", { from: tStatus(e.status.fromStatus), to: tStatus(e.status.toStatus) })
                : t("created", { to: tStatus(e.status.toStatus) })}{" "}
              · {e.status.changedBy.name} · {e.status.reason}
            </>
          ) : e.amendment.kind === "EXTENDED" ? (
            <>
              {t("extended", {
                before: shownDate(e.amendment.changes.reviewDate?.before),
                after: shownDate(e.amendment.changes.reviewDate?.after),
              })}{" "}
              · {e.amendment.changedBy.name} · {e.amendment.reason}
            </>
          ) : (
            <>
              {t("edited", { revision: e.amendment.proposalRevision, fields: Object.keys(e.amendment.changes).join(", ") })} ·{" "}
              {e.amendment.changedBy.name}
              {e.amendment.withdrawnApprovals.length > 0 ? (
                <span className="block text-amber-900" data-testid="withdrawn-approvals">
                  {t("withdrawn", {
                    list: e.amendment.withdrawnApprovals
                      .map((w) => t("withdrawnOne", { name: w.name, role: tRoles(w.role as "ADMIN"), revision: w.proposalRevision }))
                      .join("; "),
                  })}
                </span>
              ) : null}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

/** An amendment stores calendar dates as YYYY-MM-DD strings; anything else (none) shows as a dash. */
function shownDate(value: unknown): string {
  return typeof value === "string" ? value : "—";
}
