import { HydrateClient, trpc, getQueryClient } from "~/trpc/server";
import { DepartmentsTable, parseDepartmentFilters } from "./departments-table";

export const dynamic = "force-dynamic";

export default async function DepartmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const filters = parseDepartmentFilters(await searchParams);
  await getQueryClient().prefetchQuery(trpc.departments.list.queryOptions(filters));
  return (
    <HydrateClient>
      <h1>Corporaciones</h1>
      <DepartmentsTable filters={filters} />
    </HydrateClient>
  );
}
