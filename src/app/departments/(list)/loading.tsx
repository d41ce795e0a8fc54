import { useTranslations } from "next-intl";
import { Skeleton } from "~/components/ui/skeleton";

export default function DepartmentsLoading() {
  const t = useTranslations("departments");
  return (
    <div aria-busy="true">
      <h1 className="mb-4 text-2xl font-bold text-slate-900">{t("title")}</h1>
      <p className="sr-only" role="status">
        {t("loading")}
      </p>
      <Skeleton className="mb-4 h-36 w-full" />
      <Skeleton className="h-[32rem] w-full" />
    </div>
  );
}
