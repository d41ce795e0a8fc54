"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { calendarDay } from "~/components/format/calendar-day";
import { ReauthForm } from "~/components/queues/reauth-form";
import { needsReauth } from "~/components/queues/use-mutation-error";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Button } from "~/components/ui/button";
import { Input, Label } from "~/components/ui/input";
import { useTRPC } from "~/trpc/react";
import { ExitCriteriaTable } from "./exit-criteria-view";
import type { CaseView } from "./receivership-case";
import { useCaseRefresh } from "./use-case-refresh";
import { formText } from "~/components/ui/form-text";

const textareaClass = "rounded-md border border-slate-400 p-2 text-sm";

function Done({ text }: { text: string | null }) {
  return text ? (
    <p role="status" className="text-sm text-emerald-800">
      {text}
    </p>
  ) : null;
}

/**
 * Approving shows exactly what is approved — the revision, the legal basis, authority, terms, dates and
 * exit criteria — and asks for the password and code again when the server requires it.
 */
export function ApprovePanel({ found, onApproved }: { found: CaseView; onApproved: (message: string) => void }) {
  const t = useTranslations("receivership.approve");
  const format = useFormatter();
  const trpc = useTRPC();
  const refresh = useCaseRefresh();
  const approve = useMutation(
    trpc.receivership.approve.mutationOptions({
      // The panel goes away once the caller has approved: the parent shows the confirmation.
      onSuccess: async (result) => {
        onApproved(result.status === "IMPOSED" ? t("imposed") : t("approved", { revision: result.proposalRevision }));
        await refresh();
      },
    }),
  );
  const run = () => approve.mutate({ id: found.id, version: found.version });
  const day = (ymd: string | null) => (ymd ? format.dateTime(calendarDay(ymd), "day") : t("noDate"));
  return (
    <div className="flex flex-col gap-2 rounded-md border border-slate-300 bg-white p-3" data-testid="approve-panel">
      <p className="font-medium">{t("what", { revision: found.proposalRevision })}</p>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm md:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("authority")}</dt>
        <dd>{found.receivingAuthority}</dd>
        <dt className="font-medium">{t("terms")}</dt>
        <dd className="whitespace-pre-wrap">{found.terms}</dd>
        <dt className="font-medium">{t("dates")}</dt>
        <dd>{t("datesValue", { start: day(found.startDate), review: day(found.reviewDate) })}</dd>
      </dl>
      <details className="text-sm">
        <summary className="cursor-pointer text-link underline">{t("legalBasis")}</summary>
        <p className="mt-1 whitespace-pre-wrap">{found.legalBasis}</p>
      </details>
      <ExitCriteriaTable criteria={found.exitCriteria} />
      {found.legalBasisPlaceholders.length > 0 ? <p className="text-sm text-amber-900">{t("placeholdersFirst")}</p> : null}
      <div>
        <Button onClick={run} disabled={approve.isPending}>
          {t("submit", { revision: found.proposalRevision })}
        </Button>
      </div>
      {needsReauth(approve.error) ? (
        <ReauthForm idPrefix={`case-approve-${found.id}`} onConfirmed={run} />
      ) : (
        <ErrorAlert error={approve.error} />
      )}
    </div>
  );
}

export function WithdrawForm({ found }: { found: CaseView }) {
  const t = useTranslations("receivership.withdraw");
  const trpc = useTRPC();
  const refresh = useCaseRefresh();
  const withdraw = useMutation(trpc.receivership.withdraw.mutationOptions({ onSuccess: () => refresh() }));
  return (
    <details className="rounded-md border border-slate-300 bg-white p-3" data-testid="withdraw">
      <summary className="cursor-pointer font-medium text-link underline">{t("title")}</summary>
      <form
        className="mt-2 flex flex-col gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          withdraw.mutate({ id: found.id, version: found.version, reason: formText(new FormData(event.currentTarget), "reason") });
        }}
      >
        <Label htmlFor={`withdraw-${found.id}`}>{t("reason")}</Label>
        <textarea id={`withdraw-${found.id}`} name="reason" required minLength={10} rows={3} className={textareaClass} />
        <ErrorAlert error={withdraw.error} />
        <div>
          <Button type="submit" variant="outline" disabled={withdraw.isPending}>
            {t("submit")}
          </Button>
        </div>
      </form>
    </details>
  );
}

export function ExtendForm({ found }: { found: CaseView }) {
  const t = useTranslations("receivership.extend");
  const format = useFormatter();
  const trpc = useTRPC();
  const refresh = useCaseRefresh();
  const [done, setDone] = useState<string | null>(null);
  const extend = useMutation(
    trpc.receivership.extend.mutationOptions({
      onSuccess: async (result) => {
        await refresh();
        setDone(t("done", { date: format.dateTime(calendarDay(result.reviewDate), "day") }));
      },
    }),
  );
  return (
    <details className="rounded-md border border-slate-300 bg-white p-3" data-testid="extend">
      <summary className="cursor-pointer font-medium text-link underline">{t("title")}</summary>
      <form
        className="mt-2 flex flex-col gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          setDone(null);
          extend.mutate({
            id: found.id,
            version: found.version,
            reviewDate: formText(data, "reviewDate"),
            reason: formText(data, "reason"),
          });
        }}
      >
        <p className="text-sm">
          {found.reviewDate ? t("current", { date: format.dateTime(calendarDay(found.reviewDate), "day") }) : t("noCurrent")}
        </p>
        <Label htmlFor={`extend-date-${found.id}`}>{t("reviewDate")}</Label>
        <Input id={`extend-date-${found.id}`} name="reviewDate" type="date" required className="w-48" />
        <Label htmlFor={`extend-reason-${found.id}`}>{t("reason")}</Label>
        <textarea id={`extend-reason-${found.id}`} name="reason" required minLength={30} rows={3} className={textareaClass} />
        <p className="text-xs text-slate-700">{t("hint")}</p>
        <ErrorAlert error={extend.error} />
        <Done text={done} />
        <div>
          <Button type="submit" disabled={extend.isPending}>
            {t("submit")}
          </Button>
        </div>
      </form>
    </details>
  );
}

/** Lifting shows the exit criteria's state first; with any unmet, a written override reason is required. */
export function LiftForm({ found }: { found: CaseView }) {
  const t = useTranslations("receivership.lift");
  const trpc = useTRPC();
  const refresh = useCaseRefresh();
  const lift = useMutation(trpc.receivership.lift.mutationOptions({ onSuccess: () => refresh() }));
  const needsOverride = !found.allCriteriaMet;
  const unmet = found.exitCriteria.filter((c) => c.met !== true).length;
  return (
    <details className="rounded-md border border-slate-300 bg-white p-3" data-testid="lift">
      <summary className="cursor-pointer font-medium text-link underline">{t("title")}</summary>
      <form
        className="mt-2 flex flex-col gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const text = (name: string) => formText(data, name).trim() || undefined;
          lift.mutate({
            id: found.id,
            version: found.version,
            overrideReason: needsOverride ? text("override") : undefined,
            note: text("note"),
          });
        }}
      >
        <ExitCriteriaTable criteria={found.exitCriteria} />
        {needsOverride ? (
          <>
            <p role="note" className="rounded-md border border-amber-400 bg-amber-50 p-2 text-sm">
              {found.exitCriteria.length === 0 ? t("noCriteria") : t("unmet", { count: unmet })}
            </p>
            <Label htmlFor={`lift-override-${found.id}`}>{t("override")}</Label>
            <textarea id={`lift-override-${found.id}`} name="override" required minLength={30} rows={3} className={textareaClass} />
          </>
        ) : (
          <>
            <p className="text-sm text-emerald-800">{t("allMet")}</p>
            <Label htmlFor={`lift-note-${found.id}`}>{t("note")}</Label>
            <textarea id={`lift-note-${found.id}`} name="note" rows={2} className={textareaClass} />
          </>
        )}
        <ErrorAlert error={lift.error} />
        <div>
          <Button type="submit" disabled={lift.isPending}>
            {t(needsOverride ? "submitOverride" : "submit")}
          </Button>
        </div>
      </form>
    </details>
  );
}
