"use client";

import { useTranslations } from "next-intl";

const PLACEHOLDER = /(\[[^\]\n]+\])/g;

/** A line of the legal basis with its bracketed placeholders marked, so nobody misses one. */
function Marked({ text }: { text: string }) {
  const t = useTranslations("receivership.legalBasis");
  return (
    <>
      {text.split(PLACEHOLDER).map((part, i) =>
        PLACEHOLDER.test(part) ? (
          <mark key={i} className="rounded bg-amber-100 px-0.5 text-amber-950" title={t("placeholderTitle")}>
            {part}
          </mark>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}

/**
 * The legal basis as structured text: numbered lines ("1. Artículo 21 …") are the provisions cited and
 * are listed as such; the other lines (facts, the Governor's order) follow as paragraphs.
 */
export function LegalBasisView({ text, placeholders }: { text: string; placeholders: string[] }) {
  const t = useTranslations("receivership.legalBasis");
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const provisions = lines.filter((l) => /^\d+\.\s/.test(l.trim()));
  const others = lines.filter((l) => !/^\d+\.\s/.test(l.trim()));
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="legal-basis">
      {provisions.length > 0 ? (
        <>
          <p className="font-medium">{t("provisions", { count: provisions.length })}</p>
          <ol className="flex list-none flex-col gap-1 pl-0">
            {provisions.map((line, i) => (
              <li key={i}>
                <Marked text={line.trim()} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {others.map((line, i) => (
        <p key={i}>
          <Marked text={line} />
        </p>
      ))}
      {placeholders.length > 0 ? (
        <div role="note" className="rounded-md border border-amber-400 bg-amber-50 p-2" data-testid="placeholders">
          <p className="font-medium">{t("placeholdersLeft", { count: placeholders.length })}</p>
          <ul className="list-disc pl-5">
            {placeholders.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-emerald-800">{t("complete")}</p>
      )}
    </div>
  );
}
