"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Card, CardTitle } from "~/components/ui/card";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Input, Label, Select } from "~/components/ui/input";
import type { getReview } from "~/server/reviews/list-reviews";
import { formText } from "~/components/ui/form-text";
import { useTRPC } from "~/trpc/react";
import { useReviewRefresh } from "./use-review-action";

export type ReviewDetail = Awaited<ReturnType<typeof getReview>>;
const area = "rounded-md border border-slate-400 p-2 text-sm";
const DECISIONS = ["NO_ACTION", "CORRECTIVE_PLAN", "REFER_TO_PROSECUTOR", "PROPOSE_RECEIVERSHIP"] as const;

function Done({ text }: { text: string | null }) {
  const t = useTranslations("reviews.forms");
  if (!text) return null;
  return (
    <p role="status" className="text-sm text-emerald-800">
      {text}{" "}
      <Link className="text-link underline" href="#review-history">
        {t("seeHistory")}
      </Link>
    </p>
  );
}

/** Hands the review to another eligible person, with an optional reason kept in its history. */
export function ReassignForm({ review }: { review: ReviewDetail }) {
  const t = useTranslations("reviews.forms");
  const trpc = useTRPC();
  const refresh = useReviewRefresh();
  const options = useQuery(trpc.reviews.ownerOptions.queryOptions({ id: review.id }));
  const [done, setDone] = useState<string | null>(null);
  const reassign = useMutation(trpc.reviews.reassign.mutationOptions({ onSuccess: refresh }));
  return (
    <Card>
      <CardTitle>{t("reassignTitle")}</CardTitle>
      <form
        key={review.version}
        className="mt-2 flex flex-col gap-2"
        aria-label={t("reassignTitle")}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const ownerId = Number(data.get("ownerId"));
          const name = options.data?.find((o) => o.id === ownerId)?.name ?? "";
          reassign.mutate(
            { id: review.id, version: review.version, ownerId, reason: formText(data, "reason") },
            { onSuccess: () => setDone(t("reassigned", { name })) },
          );
        }}
      >
        <Label htmlFor="reassign-owner">{t("newOwner")}</Label>
        <Select id="reassign-owner" name="ownerId" required defaultValue="">
          <option value="" disabled>
            {t("chooseOwner")}
          </option>
          {(options.data ?? []).map((o) => (
            <option key={o.id} value={o.id} disabled={o.current}>
              {o.current ? t("currentOwner", { name: o.name }) : o.name}
            </option>
          ))}
        </Select>
        <Label htmlFor="reassign-reason">{t("reason")}</Label>
        <textarea id="reassign-reason" name="reason" rows={2} maxLength={2000} className={area} />
        <ErrorAlert error={options.error ?? reassign.error} />
        <Done text={done} />
        <div>
          <Button type="submit" disabled={reassign.isPending}>
            {t("reassign")}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** Scope and due date, each change kept in the history with its reason. */
export function PlanForm({ review }: { review: ReviewDetail }) {
  const t = useTranslations("reviews.forms");
  const trpc = useTRPC();
  const refresh = useReviewRefresh();
  const [done, setDone] = useState<string | null>(null);
  const update = useMutation(trpc.reviews.update.mutationOptions({ onSuccess: refresh }));
  return (
    <Card>
      <CardTitle>{t("planTitle")}</CardTitle>
      <form
        key={review.version}
        className="mt-2 flex flex-col gap-2"
        aria-label={t("planTitle")}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const dueOn = formText(data, "dueOn");
          update.mutate(
            {
              id: review.id,
              version: review.version,
              scope: formText(data, "scope"),
              dueOn: dueOn === "" ? null : dueOn,
              reason: formText(data, "reason"),
            },
            { onSuccess: () => setDone(t("planSaved")) },
          );
        }}
      >
        <Label htmlFor="plan-scope">{t("scope")}</Label>
        <textarea id="plan-scope" name="scope" rows={3} required defaultValue={review.scope} className={area} />
        <Label htmlFor="plan-due">{t("dueOn")}</Label>
        <Input id="plan-due" name="dueOn" type="date" className="w-48" defaultValue={review.dueOn ?? ""} />
        <Label htmlFor="plan-reason">{t("reason")}</Label>
        <textarea id="plan-reason" name="reason" rows={2} maxLength={2000} className={area} />
        <ErrorAlert error={update.error} />
        <Done text={done} />
        <div>
          <Button type="submit" variant="outline" disabled={update.isPending}>
            {t("savePlan")}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** Findings and the department's response. */
export function FindingsForm({ review }: { review: ReviewDetail }) {
  const t = useTranslations("reviews.forms");
  const trpc = useTRPC();
  const refresh = useReviewRefresh();
  const update = useMutation(trpc.reviews.update.mutationOptions({ onSuccess: refresh }));
  return (
    <Card>
      <CardTitle>{t("findingsTitle")}</CardTitle>
      <form
        key={review.version}
        className="mt-2 flex flex-col gap-2"
        aria-label={t("findingsTitle")}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          update.mutate({
            id: review.id,
            version: review.version,
            findings: formText(data, "findings"),
            departmentResponse: formText(data, "response"),
          });
        }}
      >
        <Label htmlFor="review-findings">{t("findings")}</Label>
        <textarea id="review-findings" name="findings" rows={5} defaultValue={review.findings} className={area} />
        <Label htmlFor="review-response">{t("response")}</Label>
        <textarea id="review-response" name="response" rows={4} defaultValue={review.departmentResponse} className={area} />
        <ErrorAlert error={update.error} />
        {update.isSuccess ? (
          <p role="status" className="text-sm text-emerald-800">
            {t("findingsSaved")}
          </p>
        ) : null}
        <div>
          <Button type="submit" variant="outline" disabled={update.isPending}>
            {t("saveFindings")}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** Closes the review with a decision (none preselected) and its grounds. */
export function CloseForm({ review }: { review: ReviewDetail }) {
  const t = useTranslations("reviews.forms");
  const tDecisions = useTranslations("enums.reviewDecision");
  const trpc = useTRPC();
  const refresh = useReviewRefresh();
  const close = useMutation(trpc.reviews.close.mutationOptions({ onSuccess: refresh }));
  return (
    <Card>
      <CardTitle>{t("closeTitle")}</CardTitle>
      <form
        className="mt-2 flex flex-col gap-2"
        aria-label={t("closeTitle")}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          close.mutate({
            id: review.id,
            version: review.version,
            decision: formText(data, "decision") as (typeof DECISIONS)[number],
            decisionNotes: formText(data, "notes"),
          });
        }}
      >
        <Label htmlFor="close-decision">{t("decision")}</Label>
        <Select id="close-decision" name="decision" required defaultValue="">
          <option value="" disabled>
            {t("chooseDecision")}
          </option>
          {DECISIONS.map((d) => (
            <option key={d} value={d}>
              {tDecisions(d)}
            </option>
          ))}
        </Select>
        <Label htmlFor="close-notes">{t("notes")}</Label>
        <textarea id="close-notes" name="notes" rows={3} required className={area} />
        <ErrorAlert error={close.error} />
        <div>
          <Button type="submit" disabled={close.isPending}>
            {t("close")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
