import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { PageHeader } from "~/components/layout/page-header";
import { isAppLocale } from "~/i18n/locales";
import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";
import { AlertSettingsForm } from "./alert-settings-form";
import { ALERT_SETTINGS_STRINGS } from "./strings";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  return { title: ALERT_SETTINGS_STRINGS[isAppLocale(locale) ? locale : "es"].title };
}

export default async function AlertSettingsPage() {
  const locale = await getLocale();
  const S = ALERT_SETTINGS_STRINGS[isAppLocale(locale) ? locale : "es"];
  // Errors (signed out, role without alerts) are shown by the form from the same query.
  const settings = await getQueryClient().fetchQuery(trpc.alerts.settings.queryOptions()).catch(() => null);
  return (
    <HydrateClient>
      <PageHeader title={S.title} description={S.description(settings?.timeZone ?? "America/Mexico_City")} />
      <AlertSettingsForm />
    </HydrateClient>
  );
}
