"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Section } from "~/components/layout/section";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Input, Label, Select } from "~/components/ui/input";
import type { ComplaintStatus } from "~/generated/prisma/enums";
import { formText } from "~/components/ui/form-text";
import { useTRPC } from "~/trpc/react";
import { COMPLAINT_STATUSES } from "./complaint-enums";

/**
 * Changes a complaint's status and resolution date (roles with `complaints.manage`), under the
 * import's rules: the server refuses a resolved status without its date and any other with one. The
 * page and the dossier's lists refresh at once; a sustained serious-abuse complaint says its alert went out.
 */
export function ComplaintStatusForm({
  complaint,
}: {
  complaint: { ref: string; version: number; status: ComplaintStatus; resolvedOn: string | null };
}) {
  const t = useTranslations("complaint.changeStatus");
  const tEnums = useTranslations("enums.complaintStatus");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [done, setDone] = useState<{ status: ComplaintStatus; alertRaised: boolean } | null>(null);
  const change = useMutation(
    trpc.complaints.changeStatus.mutationOptions({
      onSuccess: async (result) => {
        setDone({ status: result.status, alertRaised: result.alertRaised });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.complaints.get.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.departments.complaints.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.timeline.department.queryKey() }),
        ]);
        // The page itself is rendered on the server: render it again with the new status.
        router.refresh();
      },
    }),
  );
  return (
    <Section id="change-status" title={t("title")}>
      <Card>
        <form
          key={complaint.version}
          className="flex flex-wrap items-end gap-4"
          aria-label={t("title")}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const resolvedOn = formText(data, "resolvedOn");
            change.mutate({
              ref: complaint.ref,
              version: complaint.version,
              status: formText(data, "status") as ComplaintStatus,
              resolvedOn: resolvedOn === "" ? null : resolvedOn,
            });
          }}
        >
          <div className="flex flex-col gap-1">
            <Label htmlFor="complaint-status">{t("status")}</Label>
            <Select id="complaint-status" name="status" defaultValue={complaint.status}>
              {COMPLAINT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {tEnums(s)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="complaint-resolved">{t("resolvedOn")}</Label>
            <Input
              id="complaint-resolved"
              name="resolvedOn"
              type="date"
              className="w-48"
              defaultValue={complaint.resolvedOn ?? ""}
              aria-describedby="complaint-resolved-hint"
            />
          </div>
          <Button type="submit" disabled={change.isPending}>
            {t("submit")}
          </Button>
          <p id="complaint-resolved-hint" className="w-full text-xs text-slate-700">
            {t("hint")}
          </p>
          <ErrorAlert error={change.error} className="w-full" />
          {done ? (
            <p role="status" className="w-full text-sm text-emerald-800" data-testid="status-changed">
              {t("changed", { status: tEnums(done.status) })} {done.alertRaised ? t("alertRaised") : null}{" "}
              <a className="text-link underline" href="#details">
                {t("seeDetails")}
              </a>
            </p>
          ) : null}
        </form>
      </Card>
    </Section>
  );
}
