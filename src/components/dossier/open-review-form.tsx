"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Button } from "~/components/ui/button";
import { Input, Label } from "~/components/ui/input";
import { useTRPC } from "~/trpc/react";
import { formText } from "~/components/ui/form-text";

/** Opens a review of this department (IA staff, or the department's state AG); the caller becomes its owner. */
export function OpenReviewForm({ departmentCode }: { departmentCode: string }) {
  const t = useTranslations("dossier.openReview");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const open = useMutation(
    trpc.reviews.open.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.timeline.department.queryKey() }),
    }),
  );
  return (
    <details className="no-print rounded-lg border border-slate-300 bg-white p-3" data-testid="open-review">
      <summary className="cursor-pointer font-medium text-link underline">{t("title")}</summary>
      <form
        className="mt-2 flex flex-col gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const dueOn = formText(data, "dueOn");
          open.mutate({ departmentCode, scope: formText(data, "scope"), dueOn: dueOn === "" ? null : dueOn });
        }}
      >
        <Label htmlFor="review-scope">{t("scope")}</Label>
        <textarea
          id="review-scope"
          name="scope"
          required
          rows={3}
          aria-describedby="review-scope-hint"
          className="rounded-md border border-slate-400 p-2 text-sm"
        />
        <p id="review-scope-hint" className="text-xs text-slate-700">
          {t("scopeHint")}
        </p>
        <Label htmlFor="review-due">{t("dueOn")}</Label>
        <Input id="review-due" name="dueOn" type="date" className="w-48" />
        <ErrorAlert error={open.error} />
        {open.isSuccess ? (
          <p role="status" className="text-sm text-emerald-800">
            {t("opened")}
          </p>
        ) : null}
        <div>
          <Button type="submit" disabled={open.isPending || open.isSuccess}>
            {t("submit")}
          </Button>
        </div>
      </form>
    </details>
  );
}
