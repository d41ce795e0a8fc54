"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, Download } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo } from "react";
import { LevelBadge } from "~/components/levels/level-badge";
import { useRuleName } from "~/components/levels/rule-name";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import type { DepartmentRow } from "~/server/departments/list-departments";
import { type ListDepartmentsInput, departmentViewQuery } from "~/server/departments/list-input";
import { useTRPC } from "~/trpc/react";
import { Pagination } from "./pagination";

type SortKey = ListDepartmentsInput["sort"];

function SortHeader({ view, sort, children }: { view: ListDepartmentsInput; sort: SortKey; children: React.ReactNode }) {
  const active = view.sort === sort;
  const next = active && view.direction === "asc" ? "desc" : "asc";
  const Icon = !active ? ArrowUpDown : view.direction === "asc" ? ArrowUp : ArrowDown;
  return (
    <Link
      href={`/departments?${departmentViewQuery({ ...view, sort, direction: next, page: 1 })}`}
      className="inline-flex items-center gap-1 text-slate-900 hover:underline"
    >
      {children}
      <Icon aria-hidden="true" className="size-3.5" />
    </Link>
  );
}

export function DepartmentsTable({ view }: { view: ListDepartmentsInput }) {
  const t = useTranslations("departments");
  const tKinds = useTranslations("kinds");
  const format = useFormatter();
  const ruleName = useRuleName();
  const trpc = useTRPC();
  const { data, error, isPlaceholderData } = useQuery({ ...trpc.departments.list.queryOptions(view), placeholderData: keepPreviousData });

  const columns = useMemo<(ColumnDef<DepartmentRow> & { sort?: SortKey })[]>(
    () => [
      {
        id: "code",
        sort: "code",
        header: t("columns.code"),
        cell: ({ row }) => (
          <Link className="font-mono whitespace-nowrap text-link underline" href={`/departments/${row.original.code}`}>
            {row.original.code}
          </Link>
        ),
      },
      { id: "name", sort: "name", header: t("columns.name"), cell: ({ row }) => row.original.name },
      { id: "kind", header: t("columns.kind"), cell: ({ row }) => tKinds(row.original.kind) },
      { id: "state", sort: "state", header: t("columns.state"), cell: ({ row }) => row.original.stateName },
      { id: "level", sort: "level", header: t("columns.level"), cell: ({ row }) => <LevelBadge level={row.original.level} /> },
      {
        id: "rules",
        header: t("columns.rulesFired"),
        cell: ({ row }) =>
          row.original.rulesFired.length ? (
            row.original.rulesFired.map((id) => ruleName(id)).join(", ")
          ) : (
            <span className="text-slate-700">—</span>
          ),
      },
      {
        id: "status",
        header: t("columns.status"),
        cell: ({ row }) => (
          <div className="flex flex-wrap gap-1">
            {row.original.inReceivership ? <Badge tone="critical">{t("filters.statuses.inReceivership")}</Badge> : null}
            {row.original.underReview ? <Badge tone="info">{t("filters.statuses.underReview")}</Badge> : null}
          </div>
        ),
      },
      {
        id: "officers",
        sort: "officers",
        header: t("columns.officers"),
        cell: ({ row }) => format.number(row.original.officersOnRoll, "integer"),
      },
    ],
    [t, tKinds, format, ruleName],
  );
  // TanStack Table returns fresh functions each render; this component is not memoised by the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: data?.rows ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
  });

  if (error) return <ErrorAlert error={error} wrap={(message) => t("loadError", { message })} />;
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / view.pageSize));
  const exportQuery = departmentViewQuery({ ...view, page: undefined });
  return (
    <div className="flex flex-col gap-3" aria-busy={!data || isPlaceholderData}>
      <div className="flex min-h-9 items-center justify-between gap-4">
        <p role="status" className="text-sm text-slate-800" data-testid="departments-count">
          {data ? t("count", { count: total }) : t("loading")}
        </p>
        <Button asChild variant="outline" size="sm" className="no-print">
          <a href={`/departments/export${exportQuery ? `?${exportQuery}` : ""}`} download>
            <Download aria-hidden="true" />
            {t("exportCsv")}
          </a>
        </Button>
      </div>
      <Table data-testid="departments-table">
        <caption className="sr-only">{t("caption")}</caption>
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => {
                const sort = (header.column.columnDef as { sort?: SortKey }).sort;
                const active = sort !== undefined && view.sort === sort;
                return (
                  <TableHead
                    key={header.id}
                    scope="col"
                    aria-sort={active ? (view.direction === "asc" ? "ascending" : "descending") : undefined}
                  >
                    {sort ? (
                      <SortHeader view={view} sort={sort}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                      </SortHeader>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </TableHead>
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {table.getRowModel().rows.map((row) => (
            <TableRow key={row.id} data-code={row.original.code}>
              {row.getVisibleCells().map((cell) => (
                <TableCell key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</TableCell>
              ))}
            </TableRow>
          ))}
          {data && total === 0 ? (
            <TableRow>
              <TableCell colSpan={columns.length} className="py-8 text-center text-slate-800">
                {t("empty")}
              </TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
      <Pagination page={view.page} pages={pages} hrefFor={(page) => `/departments?${departmentViewQuery({ ...view, page })}`} />
    </div>
  );
}
