import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "~/components/layout/page-header";
import { RuleSetList } from "~/components/rules/rule-set-list";
import { guardPage } from "~/server/http/page-guard";
import { keepForClient } from "~/trpc/prefetch";
import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ruleEditor"))("title") };
}

export default async function RulesPage() {
  await guardPage("rules.manage", "rules");
  const t = await getTranslations("ruleEditor");
  await getQueryClient().query(trpc.rules.list.queryOptions()).catch(keepForClient);
  return (
    <HydrateClient>
      <PageHeader title={t("title")} description={t("description")} />
      <RuleSetList />
    </HydrateClient>
  );
}
