"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Alert } from "~/components/ui/alert";
import { useTRPC } from "~/trpc/react";
import { BatchPanel } from "./batch-panel";
import { HistoryTable } from "./history-table";
import { IMPORT_KINDS } from "./kinds";
import { UploadForm } from "./upload-form";

/**
 * The batch being looked at lives in the URL (?batch=N) and its progress in PostgreSQL, so a reload
 * (or another tab, or a colleague) picks up exactly where the import is.
 */
export function ImportsWorkspace({ canImport, canUndo }: { canImport: boolean; canUndo: boolean }) {
  const t = useTranslations("imports");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const selected = Number(params.get("batch")) || null;
  const select = (id: number | null) => {
    router.replace(id ? `${pathname}?batch=${id}` : pathname, { scroll: false });
    void queryClient.invalidateQueries({ queryKey: trpc.imports.list.queryKey() });
  };
  if (!canImport) return <Alert tone="error">{t("forbidden")}</Alert>;
  return (
    <div className="flex flex-col gap-6">
      <UploadForm onUploaded={select} />
      {selected && <BatchPanel key={selected} id={selected} canUndo={canUndo} onSelect={select} />}
      <HistoryTable selected={selected} onSelect={select} />
      <section aria-labelledby="exports" className="flex flex-col gap-2">
        <h2 id="exports" className="text-lg font-semibold">
          {t("exportTitle")}
        </h2>
        <ul className="flex flex-wrap gap-4 text-sm">
          {IMPORT_KINDS.map((kind) => (
            <li key={kind}>
              <a className="text-link underline" href={`/api/exports/${kind}.csv`} download>{`${t(`kinds.${kind}`)} (${kind}.csv)`}</a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
