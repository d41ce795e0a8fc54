"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowDown, ArrowUp } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Section } from "~/components/layout/section";
import { LevelBadge } from "~/components/levels/level-badge";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Button } from "~/components/ui/button";
import { Input, Label } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { useTRPC } from "~/trpc/react";

const LEVELS = ["NONE", "WATCH", "REVIEW", "RECEIVERSHIP"] as const;

/** Runs the dry run on demand (it evaluates every department twice) at the chosen date. */
export function DryRunPanel({ versionId, today }: { versionId: number; today: string }) {
  const t = useTranslations("ruleEditor.dryRun");
  const trpc = useTRPC();
  const [asOf, setAsOf] = useState(today);
  const [requested, setRequested] = useState<string | null>(null);
  const query = useQuery({
    ...trpc.rules.dryRun.queryOptions({ versionId, asOf: requested ?? today }),
    enabled: requested !== null,
    staleTime: 0,
  });
  const result = query.data;

  return (
    <Section id="dry-run" title={t("title")}>
      <p className="text-sm text-slate-700">{t("description")}</p>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (requested === asOf) void query.refetch();
          setRequested(asOf);
        }}
      >
        <div className="flex flex-col gap-1">
          <Label htmlFor="dry-run-date">{t("asOf")}</Label>
          <Input id="dry-run-date" type="date" value={asOf} required onChange={(e) => setAsOf(e.target.value)} />
        </div>
        <Button type="submit" disabled={query.isFetching}>
          {t("run")}
        </Button>
      </form>
      <ErrorAlert error={query.error} />
      {query.isFetching ? <Skeleton className="h-32 w-full" /> : null}
      {result && !query.isFetching ? (
        <div className="flex flex-col gap-4" data-testid="dry-run-result">
          <p className="text-sm">{t("departments", { count: result.departments })}</p>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{t("level")}</TableHead>
                <TableHead scope="col">{t("currentCount", { version: result.current.version })}</TableHead>
                <TableHead scope="col">{t("candidateCount", { version: result.candidate.version })}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {LEVELS.map((level) => (
                <TableRow key={level} data-count-level={level}>
                  <TableHead scope="row">
                    <LevelBadge level={level} />
                  </TableHead>
                  <TableCell>{result.counts.current[level]}</TableCell>
                  <TableCell>{result.counts.candidate[level]}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <h3 className="font-semibold">{t("changes", { count: result.changes.length })}</h3>
          {result.changes.length > 0 ? (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">{t("department")}</TableHead>
                  <TableHead scope="col">{t("state")}</TableHead>
                  <TableHead scope="col">{t("from")}</TableHead>
                  <TableHead scope="col">{t("to")}</TableHead>
                  <TableHead scope="col">{t("direction")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.changes.map((change) => (
                  <TableRow key={change.code} data-change={change.code}>
                    <TableCell>
                      <Link className="text-link underline" href={`/departments/${encodeURIComponent(change.code)}`}>
                        {change.name}
                      </Link>
                      <span className="block font-mono text-xs text-slate-700">{change.code}</span>
                    </TableCell>
                    <TableCell>{change.stateCode}</TableCell>
                    <TableCell>
                      <LevelBadge level={change.current} />
                    </TableCell>
                    <TableCell>
                      <LevelBadge level={change.candidate} />
                    </TableCell>
                    <TableCell>
                      <span className="inline-flex items-center gap-1">
                        {change.direction === "up" ? (
                          <ArrowUp aria-hidden="true" className="size-4" />
                        ) : (
                          <ArrowDown aria-hidden="true" className="size-4" />
                        )}
                        {t(change.direction)}
                      </span>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
        </div>
      ) : null}
    </Section>
  );
}
