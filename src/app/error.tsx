"use client";

import { useTranslations } from "next-intl";
import { PageHeader } from "~/components/layout/page-header";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";

/** Any page's unexpected failure: say so plainly and offer a retry, keeping the header and navigation. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  // The failed page's metadata never rendered: without this the document would have no title (WCAG 2.4.2).
  return (
    <>
      <title>{t("errorTitle")}</title>
      <PageHeader title={t("errorTitle")} />
      <Alert tone="error">{t("errorBody", { message: error.digest ?? error.message })}</Alert>
      <Button className="mt-4" variant="outline" onClick={reset}>
        {t("retry")}
      </Button>
    </>
  );
}
