import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { PageHeader } from "~/components/layout/page-header";
import { Alert } from "~/components/ui/alert";
import type { AppLocale } from "~/i18n/locales";
import { resolveLocale } from "~/i18n/resolve-locale";
import { parseAuditView } from "~/server/audit/list-input";
import { localiseErrorMessage } from "~/server/errors-i18n";
import { getQueryClient, trpc } from "~/trpc/server";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { AUDIT_STRINGS as S } from "./strings";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: S.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function problem(err: unknown, locale: AppLocale): string {
  if (err instanceof TRPCError && err.code === "FORBIDDEN") return S.forbidden;
  if (err instanceof TRPCError && err.code === "UNAUTHORIZED") return S.unauthorized;
  if (err instanceof TRPCError && err.code === "BAD_REQUEST") return S.failed(localiseErrorMessage(err.message, locale).message);
  throw err;
}

/**
 * Rendered on the server only: the trail is read (and that read audited) once per page view,
 * never again by a client-side refetch.
 */
export default async function AuditPage({ searchParams }: Props) {
  const { input, invalid } = parseAuditView(await searchParams);
  const queryClient = getQueryClient();
  const [states, results] = await Promise.all([
    queryClient.fetchQuery(trpc.departments.filterOptions.queryOptions()).then((o) => o.states, () => []),
    invalid.length > 0
      ? <Alert tone="error">{S.invalid(invalid.map((f) => S.fields[f]))}</Alert>
      : queryClient.fetchQuery(trpc.audit.list.queryOptions(input)).then(
          (result) => <AuditTable input={input} result={result} />,
          async (err: unknown) => <Alert tone="error">{problem(err, await resolveLocale())}</Alert>,
        ),
  ]);
  return (
    <>
      <PageHeader title={S.title} description={S.description} />
      <div className="flex flex-col gap-4">
        <AuditFilters input={input} states={states} />
        {results}
      </div>
    </>
  );
}
