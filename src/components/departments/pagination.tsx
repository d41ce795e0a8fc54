import { ChevronLeft, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { Button } from "~/components/ui/button";

export function Pagination({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  const t = useTranslations("pagination");
  return (
    <nav aria-label={t("label")} className="no-print flex items-center justify-end gap-3 text-sm">
      {page > 1 ? (
        <Button asChild variant="outline" size="sm">
          <Link href={hrefFor(page - 1)} rel="prev">
            <ChevronLeft aria-hidden="true" />
            {t("previous")}
          </Link>
        </Button>
      ) : null}
      <span aria-current="page">{t("pageOf", { page, pages })}</span>
      {page < pages ? (
        <Button asChild variant="outline" size="sm">
          <Link href={hrefFor(page + 1)} rel="next">
            {t("next")}
            <ChevronRight aria-hidden="true" />
          </Link>
        </Button>
      ) : null}
    </nav>
  );
}
