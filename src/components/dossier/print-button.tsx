"use client";

import { Printer } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "~/components/ui/button";

export function PrintButton() {
  const t = useTranslations("common");
  return (
    <Button variant="outline" size="sm" className="no-print" onClick={() => window.print()}>
      <Printer aria-hidden="true" />
      {t("print")}
    </Button>
  );
}
