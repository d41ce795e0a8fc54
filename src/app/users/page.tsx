import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "~/components/layout/page-header";
import { can } from "~/server/authz/permissions";
import { resolveRequestScope } from "~/server/auth/request-scope";
import { getDb } from "~/server/db/client";
import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";
import { CreateUserForm } from "./create-user-form";
import { UsersTable } from "./users-table";
import { statesByNameSql } from "~/server/db/collation";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const db = await getDb();
  const scope = await resolveRequestScope(db, await headers());
  // Other roles get the same answer as for a page that does not exist.
  if (!scope || !can(scope.role, "users.manage")) notFound();
  const states = await db.$queryRaw<{ code: string; name: string }[]>(statesByNameSql(null));
  await getQueryClient().prefetchQuery(trpc.users.list.queryOptions());
  const t = await getTranslations("users");
  return (
    <HydrateClient>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <UsersTable states={states} currentUserId={scope.userId} />
        <CreateUserForm states={states} />
      </div>
    </HydrateClient>
  );
}
