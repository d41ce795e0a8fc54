import { getTranslations } from "next-intl/server";
import Link from "next/link";

export default async function HomePage() {
  const t = await getTranslations();
  return (
    <section>
      <h1 className="text-2xl font-bold">Vigila</h1>
      <p>{t("common.tagline")}</p>
      <Link className="text-link underline" href="/departments">{t("nav.departments")}</Link>
    </section>
  );
}
