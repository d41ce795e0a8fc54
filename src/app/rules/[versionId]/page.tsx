import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { fetchOrNotFound } from "~/app/_lib/fetch-or-not-found";
import { PageHeader } from "~/components/layout/page-header";
import { VersionEditor } from "~/components/rules/version-editor";
import { guardPage } from "~/server/http/page-guard";
import { todayIn } from "~/server/rules/dates";
import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ versionId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ruleEditor"))("title") };
}

export default async function RuleSetVersionPage({ params }: Props) {
  await guardPage("rules.manage", "rules.version");
  const id = Number((await params).versionId);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const version = await fetchOrNotFound(getQueryClient().query(trpc.rules.get.queryOptions({ id })));
  const t = await getTranslations("ruleEditor");
  return (
    <HydrateClient>
      <p className="mb-2 text-sm">
        <Link className="text-link underline" href="/rules">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={`${version.ruleSetName} · ${t("version", { version: version.version })}`} description={version.ruleSetId} />
      {/* The default evaluation date is Mexico City's today, decided here rather than by the browser's clock. */}
      <VersionEditor versionId={id} today={todayIn()} />
    </HydrateClient>
  );
}
