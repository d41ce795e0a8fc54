import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "~/components/layout/page-header";
import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";
import { AlertSettingsForm } from "./alert-settings-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("alertSettings"))("title") };
}

export default async function AlertSettingsPage() {
  const t = await getTranslations("alertSettings");
  // Errors (signed out, role without alerts) are shown by the form from the same query.
  const settings = await getQueryClient()
    .query(trpc.alerts.settings.queryOptions())
    .catch(() => null);
  return (
    <HydrateClient>
      <PageHeader title={t("title")} description={t("description", { timeZone: settings?.timeZone ?? "America/Mexico_City" })} />
      <AlertSettingsForm />
    </HydrateClient>
  );
}
