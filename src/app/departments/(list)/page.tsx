import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DepartmentFilters } from "~/components/departments/department-filters";
import { DepartmentsTable } from "~/components/departments/departments-table";
import { PageHeader } from "~/components/layout/page-header";
import { parseDepartmentView } from "~/server/departments/list-input";
import { keepForClient } from "~/trpc/prefetch";
import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("departments"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DepartmentsPage({ searchParams }: Props) {
  const view = parseDepartmentView(await searchParams);
  const t = await getTranslations("departments");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.query(trpc.departments.list.queryOptions(view)).catch(keepForClient),
    queryClient.query(trpc.departments.filterOptions.queryOptions()).catch(keepForClient),
  ]);
  return (
    <HydrateClient>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-4">
        <DepartmentFilters key={JSON.stringify(view)} view={view} />
        <DepartmentsTable view={view} />
      </div>
    </HydrateClient>
  );
}
