"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { useTRPC } from "~/trpc/react";
import { ACTIVE } from "./progress";

const PAGE_SIZE = 20;
const COLUMNS = ["id", "when", "who", "kind", "file", "counts", "status", "actions"] as const;

/** Who imported what and when, with the file's hash and the outcome; refreshed while a batch runs. */
export function HistoryTable({ selected, onSelect }: { selected: number | null; onSelect: (id: number) => void }) {
  const t = useTranslations("imports");
  const pagination = useTranslations("pagination");
  const format = useFormatter();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const history = useQuery({
    ...trpc.imports.list.queryOptions({ page, pageSize: PAGE_SIZE }),
    refetchInterval: (q) => (q.state.data?.rows.some((r) => ACTIVE.has(r.status)) ? 2_000 : false),
  });
  const data = history.data;
  return (
    <section aria-labelledby="history" className="flex flex-col gap-2">
      <h2 id="history" className="text-lg font-semibold">
        {t("history")}
      </h2>
      {data && data.rows.length === 0 && <p className="text-sm">{t("noHistory")}</p>}
      {data && data.rows.length > 0 && (
        <Table>
          <TableHeader>
            <TableRow>
              {COLUMNS.map((c) => (
                <TableHead key={c}>{t(`columns.${c}`)}</TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.rows.map((r) => (
              <TableRow key={r.id} aria-current={r.id === selected ? "true" : undefined}>
                <TableCell>{r.id}</TableCell>
                <TableCell>{format.dateTime(r.startedAt, "instant")}</TableCell>
                <TableCell>{r.createdBy ?? "CLI"}</TableCell>
                <TableCell>{t(`kinds.${r.kind}`)}</TableCell>
                <TableCell>
                  <span>{r.fileName}</span>
                  <br />
                  <code className="text-xs" title={r.fileSha256}>
                    {r.fileSha256.slice(0, 12)}…
                  </code>
                </TableCell>
                <TableCell>
                  {`${r.created} / ${r.updated} / ${r.unchanged}`}
                  {r.errorCount > 0 ? ` · ${r.errorCount} ✗` : ""}
                </TableCell>
                <TableCell>
                  {t(`statuses.${r.status}`)}
                  {r.undoneBy ? ` (${r.undoneBy})` : ""}
                </TableCell>
                <TableCell>
                  <Button variant="link" size="sm" onClick={() => onSelect(r.id)}>
                    {t("open")}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {data && data.total > PAGE_SIZE && (
        <div className="flex gap-2">
          <Button variant="outline" size="sm" disabled={page === 1} onClick={() => setPage(page - 1)}>
            {pagination("previous")}
          </Button>
          <Button variant="outline" size="sm" disabled={page * PAGE_SIZE >= data.total} onClick={() => setPage(page + 1)}>
            {pagination("next")}
          </Button>
        </div>
      )}
    </section>
  );
}
