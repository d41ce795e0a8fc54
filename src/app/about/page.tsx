import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "~/components/layout/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("about"))("title") };
}

export default async function AboutPage() {
  const t = await getTranslations("about");
  return (
    <section className="max-w-3xl">
      <PageHeader title={t("title")} description={t("purpose")} />
      <h2 className="mt-4 text-lg font-semibold">{t("sourcesTitle")}</h2>
      <p className="mt-2">{t("sources")}</p>
    </section>
  );
}
