import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { PageHeader } from "~/components/layout/page-header";
import { RuleSetList } from "~/components/rules/rule-set-list";
import { can } from "~/server/authz/permissions";
import { resolveRequestScope } from "~/server/auth/request-scope";
import { getDb } from "~/server/db/client";
import { keepForClient } from "~/trpc/prefetch";
import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ruleEditor"))("title") };
}

export default async function RulesPage() {
  const scope = await resolveRequestScope(await getDb(), await headers());
  // Other roles get the same answer as for a page that does not exist.
  if (!scope || !can(scope.role, "rules.manage")) notFound();
  const t = await getTranslations("ruleEditor");
  await getQueryClient().query(trpc.rules.list.queryOptions()).catch(keepForClient);
  return (
    <HydrateClient>
      <PageHeader title={t("title")} description={t("description")} />
      <RuleSetList />
    </HydrateClient>
  );
}
