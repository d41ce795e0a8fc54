import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { PageHeader } from "~/components/layout/page-header";
import { Alert } from "~/components/ui/alert";
import { Card, CardTitle } from "~/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import type { OutboxStatus } from "~/generated/prisma/enums";
import { isAppLocale, localeTag } from "~/i18n/locales";
import { getQueryClient, trpc } from "~/trpc/server";
import { RetryButton } from "./retry-button";
import { OUTBOX_STRINGS, type OutboxStrings } from "./strings";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: OUTBOX_STRINGS.es.title };

const STATUSES: OutboxStatus[] = ["PENDING", "SENDING", "SENT", "FAILED", "CANCELLED"];
const PAGE_SIZE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function problem(err: unknown, S: OutboxStrings) {
  if (err instanceof TRPCError && err.code === "FORBIDDEN") return S.forbidden;
  if (err instanceof TRPCError && err.code === "UNAUTHORIZED") return S.unauthorized;
  throw err;
}

/** Rendered on the server only, so the (audited) list is read once per page view. */
export default async function OutboxPage({ searchParams }: Props) {
  const params = await searchParams;
  const locale = await getLocale();
  const lang = isAppLocale(locale) ? locale : "es";
  const S = OUTBOX_STRINGS[lang];
  const when = new Intl.DateTimeFormat(localeTag(lang), { timeZone: "America/Mexico_City", dateStyle: "short", timeStyle: "medium" });
  const at = (d: Date | null) => (d ? when.format(d) : S.none);
  const status = STATUSES.find((s) => s === params.status);
  const page = Math.max(1, Number.parseInt(String(params.page ?? "1"), 10) || 1);
  const qc = getQueryClient();
  let summary;
  let list;
  try {
    [summary, list] = await Promise.all([
      qc.fetchQuery(trpc.outbox.summary.queryOptions()),
      qc.fetchQuery(trpc.outbox.list.queryOptions({ status, page, pageSize: PAGE_SIZE })),
    ]);
  } catch (err) {
    return (
      <>
        <PageHeader title={S.title} />
        <Alert tone="error">{problem(err, S)}</Alert>
      </>
    );
  }
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const href = (s: OutboxStatus | undefined, p = 1) => `/admin/outbox?${new URLSearchParams({ ...(s ? { status: s } : {}), page: String(p) })}`;
  const failedOnPage = list.rows.filter((r) => r.status === "FAILED").map((r) => r.id);
  return (
    <>
      <PageHeader title={S.title} description={S.description} />
      <div className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="outbox-summary">
        <Card>
          <CardTitle>{S.backlog(summary.backlog)}</CardTitle>
          <p className="text-sm">{S.oldest}: {at(summary.oldestWaitingSince)}</p>
          <p className="text-sm">{S.nextAttempt}: {at(summary.nextAttemptAt)}</p>
        </Card>
        <Card>
          <CardTitle>{S.statuses.FAILED}: {summary.counts.FAILED}</CardTitle>
          <p className="text-sm">{S.statuses.CANCELLED}: {summary.counts.CANCELLED}</p>
        </Card>
        <Card>
          <CardTitle>{S.statuses.SENT}: {summary.counts.SENT}</CardTitle>
          <p className="text-sm">{S.lastSent}: {at(summary.lastSentAt)}</p>
        </Card>
      </div>
      <nav aria-label={S.filter} className="mb-3 flex flex-wrap gap-3 text-sm">
        <Link href={href(undefined)} aria-current={status ? undefined : "page"} className="text-link underline">{S.all}</Link>
        {STATUSES.map((s) => (
          <Link key={s} href={href(s)} aria-current={status === s ? "page" : undefined} className="text-link underline">
            {S.statuses[s]} ({summary.counts[s]})
          </Link>
        ))}
      </nav>
      {status === "FAILED" && failedOnPage.length > 0 ? <div className="mb-2"><RetryButton ids={failedOnPage} /></div> : null}
      {list.rows.length === 0 ? (
        <p>{S.empty}</p>
      ) : (
        <Table data-testid="outbox-table">
          <TableHeader>
            <TableRow>
              {Object.values(S.columns).map((c) => <TableHead key={c} scope="col">{c}</TableHead>)}
              <TableHead scope="col"><span className="sr-only">{S.retry}</span></TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{at(r.createdAt)}</TableCell>
                <TableCell>{r.toAddress}</TableCell>
                <TableCell>{r.subject}</TableCell>
                <TableCell>{S.statuses[r.status]}</TableCell>
                <TableCell>{r.attempts}</TableCell>
                <TableCell>{r.status === "PENDING" ? at(r.nextAttemptAt) : S.none}</TableCell>
                <TableCell className="max-w-md break-words text-xs">{r.lastError ?? r.smtpResponse ?? S.none}</TableCell>
                <TableCell>{r.status === "FAILED" ? <RetryButton ids={[r.id]} /> : null}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <nav aria-label={S.page(page, pages)} className="mt-3 flex items-center gap-3 text-sm">
        {page > 1 ? <Link href={href(status, page - 1)} className="text-link underline">{S.previous}</Link> : null}
        <span>{S.page(page, pages)}</span>
        {page < pages ? <Link href={href(status, page + 1)} className="text-link underline">{S.next}</Link> : null}
      </nav>
    </>
  );
}
