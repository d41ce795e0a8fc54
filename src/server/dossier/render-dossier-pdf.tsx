import { renderToBuffer } from "@react-pdf/renderer";
import type { Scope } from "../authz/scope";
import type { Db } from "../db/client";
import { DossierDocument } from "./dossier-document";
import { type DossierPdfOptions, dossierPdfData } from "./dossier-pdf-data";
import { localize } from "./localize";

/**
 * The department dossier as a PDF (Spanish or English): read and audited through `dossierPdfData`,
 * then laid out on the server. Out-of-scope and unknown codes throw NOT_FOUND before anything is read.
 */
export async function renderDossierPdf(db: Db, scope: Scope, code: string, options: DossierPdfOptions): Promise<Buffer> {
  return (await renderDossierDownload(db, scope, code, options)).pdf;
}

/** The PDF with the audit event already recorded for it (the download records its end after the last byte). */
export async function renderDossierDownload(db: Db, scope: Scope, code: string, options: DossierPdfOptions) {
  const data = await dossierPdfData(db, scope, code, options);
  const pdf = await renderToBuffer(<DossierDocument data={data} l={localize(options.locale)} />);
  return { pdf, event: data.auditEvent };
}
