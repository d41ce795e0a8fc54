import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "~/components/layout/page-header";
import { guardPage } from "~/server/http/page-guard";
import { stateOptions } from "~/server/users/state-options";
import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";
import { CreateUserForm } from "./create-user-form";
import { keepForClient } from "~/trpc/prefetch";
import { UsersTable } from "./users-table";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const { db, scope } = await guardPage("users.manage", "users");
  const states = await stateOptions(db);
  await getQueryClient().query(trpc.users.list.queryOptions()).catch(keepForClient);
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
