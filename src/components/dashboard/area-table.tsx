"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { compareNames } from "~/components/format/collate";
import { LevelBadge } from "~/components/levels/level-badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import type { Level } from "~/generated/prisma/enums";
import type { AreaIndicators } from "~/server/dashboard/overview";
import { INDICATORS, type IndicatorKey } from "./indicators";
import { useIndicatorFormat } from "./use-indicator-format";

type Area = AreaIndicators & { code: string };
type SortKey = "name" | "departments" | "level" | "officers" | IndicatorKey;
type Sort = { key: SortKey; direction: "asc" | "desc" };

const LEVEL_ORDER: (Level | null)[] = [null, "NONE", "WATCH", "REVIEW", "RECEIVERSHIP"];

/** A department's own level: the one level its counts hold (null when it has not been evaluated). */
export function departmentLevel(area: Area): Level | null {
  return (["RECEIVERSHIP", "REVIEW", "WATCH", "NONE"] as const).find((level) => area.levels[level] > 0) ?? null;
}

/** Orders the rows: names in Spanish, numbers by value with the missing ones last, ties by name. */
export function sortAreas(areas: Area[], sort: Sort): Area[] {
  const value = (area: Area): number | string | null =>
    sort.key === "name" ? area.name : sort.key === "level" ? LEVEL_ORDER.indexOf(departmentLevel(area)) : area[sort.key];
  const sign = sort.direction === "asc" ? 1 : -1;
  return [...areas].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === y ? compareNames(a.name, b.name) : x === null ? 1 : -1;
    const order = typeof x === "string" ? compareNames(x, String(y)) : x - Number(y);
    return sign * order || compareNames(a.name, b.name);
  });
}

/**
 * The map's table alternative (states) or a state's departments (`perDepartment`: each row's level
 * as a badge instead of a share, and no departments count), with every indicator as text. Sortable
 * by any column; the header buttons say which order is in force (aria-sort).
 */
export function AreaTable({
  areas,
  hrefFor,
  caption,
  testId,
  perDepartment = false,
}: {
  areas: Area[];
  hrefFor: (code: string) => string;
  caption: string;
  testId: string;
  perDepartment?: boolean;
}) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const formatValue = useIndicatorFormat();
  const [sort, setSort] = useState<Sort>({ key: "name", direction: "asc" });
  const indicators = perDepartment ? INDICATORS.filter((i) => i.key !== "flaggedShare") : INDICATORS;
  const columns: { key: SortKey; label: string; numeric: boolean }[] = [
    { key: "name", label: t("columns.name"), numeric: false },
    perDepartment
      ? { key: "level", label: t("columns.level"), numeric: false }
      : { key: "departments", label: t("columns.departments"), numeric: true },
    { key: "officers", label: t("columns.officers"), numeric: true },
    ...indicators.map((i) => ({ key: i.key, label: t(`indicators.${i.key}`), numeric: true })),
  ];
  const rows = sortAreas(areas, sort);
  return (
    <Table data-testid={testId}>
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          {columns.map((column) => {
            const active = sort.key === column.key;
            const Icon = !active ? ArrowUpDown : sort.direction === "asc" ? ArrowUp : ArrowDown;
            return (
              <TableHead
                key={column.key}
                scope="col"
                className={column.numeric ? "text-right" : undefined}
                aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}
              >
                <button
                  type="button"
                  className="inline-flex items-center gap-1 underline-offset-2 hover:underline"
                  data-sort={column.key}
                  onClick={() => setSort({ key: column.key, direction: active && sort.direction === "asc" ? "desc" : "asc" })}
                >
                  {column.label}
                  <Icon aria-hidden="true" className="size-3" />
                </button>
              </TableHead>
            );
          })}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((area) => (
          <TableRow key={area.code} data-area={area.code}>
            <TableHead scope="row" className="font-normal">
              <Link className="text-link underline" href={hrefFor(area.code)}>
                {area.name}
              </Link>
            </TableHead>
            {perDepartment ? (
              <TableCell>
                <LevelBadge level={departmentLevel(area)} />
              </TableCell>
            ) : (
              <TableCell className="text-right tabular-nums">{format.number(area.departments, "integer")}</TableCell>
            )}
            <TableCell className="text-right tabular-nums">{format.number(area.officers, "integer")}</TableCell>
            {indicators.map((i) => (
              <TableCell key={i.key} className="text-right tabular-nums">
                {formatValue(i.key, area[i.key])}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
