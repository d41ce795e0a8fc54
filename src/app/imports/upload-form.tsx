"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "~/components/ui/button";
import type { ImportKind } from "~/generated/prisma/enums";
import { IMPORT_KINDS } from "./kinds";
import { ProgressLine } from "./progress-line";
import type { Sample } from "./progress";

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

type Upload = { first: Sample | null; latest: Sample; total: number };

/** Sends the file as the request body (no form encoding), so the server can stream it to storage. */
export function UploadForm({ onUploaded }: { onUploaded: (batchId: number) => void }) {
  const t = useTranslations("imports");
  const [kind, setKind] = useState<ImportKind>("departments");
  const [upload, setUpload] = useState<Upload | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const send = (event: React.SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return;
    setProblem(null);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/imports/upload?kind=${kind}&name=${encodeURIComponent(file.name)}`);
    xhr.upload.onprogress = (e) =>
      setUpload((u) => ({
        first: u?.first ?? { at: Date.now(), done: e.loaded },
        latest: { at: Date.now(), done: e.loaded },
        total: e.total || file.size,
      }));
    xhr.onload = () => {
      setUpload(null);
      if (xhr.status === 201) onUploaded((JSON.parse(xhr.responseText) as { batchId: number }).batchId);
      else setProblem(t("failed", { message: xhr.responseText.trim() || String(xhr.status) }));
    };
    xhr.onerror = () => {
      setUpload(null);
      setProblem(t("uploadFailed"));
    };
    xhr.send(file);
  };

  return (
    <form onSubmit={send} className="flex flex-wrap items-end gap-4 rounded-md border border-slate-300 p-4">
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("kind")}
        <select
          className="h-9 rounded-md border border-slate-400 px-2"
          value={kind}
          onChange={(e) => setKind(e.target.value as ImportKind)}
        >
          {IMPORT_KINDS.map((k) => (
            <option key={k} value={k}>{`${t(`kinds.${k}`)} (${k}.csv)`}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("file")}
        <input
          ref={fileInput}
          type="file"
          required
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        />
      </label>
      <Button type="submit" disabled={upload !== null}>
        {t("upload")}
      </Button>
      {upload && (
        <div className="w-full">
          <ProgressLine
            label={t("phaseUpload")}
            done={upload.latest.done}
            total={upload.total}
            text={t("bytes", { done: mb(upload.latest.done), total: mb(upload.total) })}
            first={upload.first}
            latest={upload.latest}
            unit="B"
          />
        </div>
      )}
      {problem && (
        <p role="alert" className="w-full text-sm text-red-800">
          {problem}
        </p>
      )}
    </form>
  );
}
