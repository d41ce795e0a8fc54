import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "~/components/layout/page-header";

/** Unknown and out-of-scope records both land here, so the two are indistinguishable. */
export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <>
      <PageHeader title={t("notFoundTitle")} description={t("notFound")} />
      <Link className="text-link underline" href="/">
        {t("backHome")}
      </Link>
    </>
  );
}
