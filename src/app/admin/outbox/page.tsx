import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "~/components/layout/page-header";
import { Alert } from "~/components/ui/alert";
import { Card, CardTitle } from "~/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import type { OutboxStatus } from "~/generated/prisma/enums";
import { getQueryClient, trpc } from "~/trpc/server";
import { RetryButton } from "./retry-button";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("title") };
}

const STATUSES: OutboxStatus[] = ["PENDING", "SENDING", "SENT", "FAILED", "CANCELLED"];
const PAGE_SIZE = 50;
const COLUMNS = ["created", "to", "subject", "status", "attempts", "next", "response"] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function problem(err: unknown, t: Awaited<ReturnType<typeof getTranslations<"outbox">>>) {
  if (err instanceof TRPCError && err.code === "FORBIDDEN") return t("forbidden");
  if (err instanceof TRPCError && err.code === "UNAUTHORIZED") return t("unauthorized");
  throw err;
}

/** Rendered on the server only, so the (audited) list is read once per page view. */
export default async function OutboxPage({ searchParams }: Props) {
  const params = await searchParams;
  const [t, pagination, format] = await Promise.all([getTranslations("outbox"), getTranslations("pagination"), getFormatter()]);
  const at = (d: Date | null) => (d ? format.dateTime(d, "instant") : "—");
  const status = STATUSES.find((s) => s === params.status);
  const page = Math.max(1, Number.parseInt(String(params.page ?? "1"), 10) || 1);
  const qc = getQueryClient();
  let summary;
  let list;
  try {
    [summary, list] = await Promise.all([
      qc.query(trpc.outbox.summary.queryOptions()),
      qc.query(trpc.outbox.list.queryOptions({ status, page, pageSize: PAGE_SIZE })),
    ]);
  } catch (err) {
    return (
      <>
        <PageHeader title={t("title")} />
        <Alert tone="error">{problem(err, t)}</Alert>
      </>
    );
  }
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const href = (s: OutboxStatus | undefined, p = 1) =>
    `/admin/outbox?${new URLSearchParams({ ...(s ? { status: s } : {}), page: String(p) })}`;
  const failedOnPage = list.rows.filter((r) => r.status === "FAILED").map((r) => r.id);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="outbox-summary">
        <Card>
          <CardTitle>{t("backlog", { count: summary.backlog })}</CardTitle>
          <p className="text-sm">
            {t("oldest")}: {at(summary.oldestWaitingSince)}
          </p>
          <p className="text-sm">
            {t("nextAttempt")}: {at(summary.nextAttemptAt)}
          </p>
        </Card>
        <Card>
          <CardTitle>
            {t("statuses.FAILED")}: {summary.counts.FAILED}
          </CardTitle>
          <p className="text-sm">
            {t("statuses.CANCELLED")}: {summary.counts.CANCELLED}
          </p>
        </Card>
        <Card>
          <CardTitle>
            {t("statuses.SENT")}: {summary.counts.SENT}
          </CardTitle>
          <p className="text-sm">
            {t("lastSent")}: {at(summary.lastSentAt)}
          </p>
        </Card>
      </div>
      <nav aria-label={t("filter")} className="mb-3 flex flex-wrap gap-3 text-sm">
        <Link href={href(undefined)} aria-current={status ? undefined : "page"} className="text-link underline">
          {t("all")}
        </Link>
        {STATUSES.map((s) => (
          <Link key={s} href={href(s)} aria-current={status === s ? "page" : undefined} className="text-link underline">
            {t(`statuses.${s}`)} ({summary.counts[s]})
          </Link>
        ))}
      </nav>
      {status === "FAILED" && failedOnPage.length > 0 ? (
        <div className="mb-2">
          <RetryButton ids={failedOnPage} />
        </div>
      ) : null}
      {list.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <Table data-testid="outbox-table">
          <TableHeader>
            <TableRow>
              {COLUMNS.map((c) => (
                <TableHead key={c} scope="col">
                  {t(`columns.${c}`)}
                </TableHead>
              ))}
              <TableHead scope="col">
                <span className="sr-only">{t("retry")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{at(r.createdAt)}</TableCell>
                <TableCell>{r.toAddress}</TableCell>
                <TableCell>{r.subject}</TableCell>
                {/* One email's status (singular), not the filter's plural heading. */}
                <TableCell>{t(`status.${r.status}`)}</TableCell>
                <TableCell>{r.attempts}</TableCell>
                <TableCell>{r.status === "PENDING" ? at(r.nextAttemptAt) : "—"}</TableCell>
                <TableCell className="max-w-md break-words text-xs">{r.lastError ?? r.smtpResponse ?? "—"}</TableCell>
                <TableCell>{r.status === "FAILED" ? <RetryButton ids={[r.id]} /> : null}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <nav aria-label={pagination("pageOf", { page, pages })} className="mt-3 flex items-center gap-3 text-sm">
        {page > 1 ? (
          <Link href={href(status, page - 1)} className="text-link underline">
            {pagination("previous")}
          </Link>
        ) : null}
        <span>{pagination("pageOf", { page, pages })}</span>
        {page < pages ? (
          <Link href={href(status, page + 1)} className="text-link underline">
            {pagination("next")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
