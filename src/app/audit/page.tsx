import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "~/components/layout/page-header";
import { Alert } from "~/components/ui/alert";
import type { AppLocale } from "~/i18n/locales";
import { resolveLocale } from "~/i18n/resolve-locale";
import { parseAuditView } from "~/server/audit/list-input";
import { localiseErrorMessage } from "~/server/errors-i18n";
import { getQueryClient, trpc } from "~/trpc/server";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

type Translate = Awaited<ReturnType<typeof getTranslations<"audit">>>;

function problem(err: unknown, locale: AppLocale, t: Translate): string {
  if (err instanceof TRPCError && err.code === "FORBIDDEN") return t("forbidden");
  if (err instanceof TRPCError && err.code === "UNAUTHORIZED") return t("unauthorized");
  if (err instanceof TRPCError && err.code === "BAD_REQUEST")
    return t("failed", { message: localiseErrorMessage(err.message, locale).message });
  throw err;
}

/**
 * Rendered on the server only: the trail is read (and that read audited) once per page view,
 * never again by a client-side refetch.
 */
export default async function AuditPage({ searchParams }: Props) {
  const { input, invalid } = parseAuditView(await searchParams);
  const queryClient = getQueryClient();
  const t = await getTranslations("audit");
  const [states, results] = await Promise.all([
    queryClient.query(trpc.departments.filterOptions.queryOptions()).then(
      (o) => o.states,
      () => [],
    ),
    invalid.length > 0 ? (
      <Alert tone="error">{t("invalid", { fields: invalid.map((f) => t(`fields.${f}`)).join(", ") })}</Alert>
    ) : (
      queryClient.query(trpc.audit.list.queryOptions(input)).then(
        (result) => <AuditTable input={input} result={result} />,
        async (err: unknown) => <Alert tone="error">{problem(err, await resolveLocale(), t)}</Alert>,
      )
    ),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-4">
        <AuditFilters input={input} states={states} />
        {results}
      </div>
    </>
  );
}
