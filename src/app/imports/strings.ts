import type { ImportKind, ImportStatus } from "~/generated/prisma/enums";

/** Every string the /imports page shows, Spanish and English. */
const es = {
  title: "Importaciones",
  description: "Cargue archivos CSV (UTF-8) o XLSX (primera hoja) con las columnas del formato de intercambio, hasta 50 MB. Nada se escribe hasta que usted confirme.",
  kind: "Tipo de archivo",
  file: "Archivo",
  upload: "Cargar y validar",
  kinds: { departments: "Corporaciones", officers: "Elementos", training: "Capacitación", vetting: "Control de confianza", complaints: "Quejas" } satisfies Record<ImportKind, string>,
  statuses: {
    UPLOADING: "Cargando", VALIDATING: "Validando", VALIDATED: "Validado, en espera de confirmación", WRITING: "Escribiendo", COMPLETED: "Completado",
    REJECTED: "Rechazado", FAILED: "Falló", CANCELLED: "Cancelado", UNDONE: "Deshecho",
  } satisfies Record<ImportStatus, string>,
  phaseUpload: "Carga del archivo",
  rows: (done: number, total: number, estimated: boolean) => `${fmt(done)} de ${estimated ? "≈" : ""}${fmt(total)} filas`,
  bytes: (done: number, total: number) => `${mb(done)} de ${mb(total)}`,
  rate: (perSecond: number, unit: string) => `${fmt(Math.round(perSecond))} ${unit}/s`,
  eta: (seconds: number) => `faltan ≈ ${seconds < 60 ? `${Math.ceil(seconds)} s` : `${Math.ceil(seconds / 60)} min`}`,
  report: "Informe de validación",
  counts: (c: { created: number; updated: number; unchanged: number }) => `${fmt(c.created)} nuevos · ${fmt(c.updated)} actualizados · ${fmt(c.unchanged)} sin cambios`,
  errorsTitle: (n: number) => `${fmt(n)} ${n === 1 ? "error" : "errores"}: no se escribirá nada de este archivo`,
  errorsShown: (shown: number, total: number) => `Se muestran ${fmt(shown)} de ${fmt(total)}.`,
  downloadErrors: "Descargar errores (CSV)",
  line: "Línea", column: "Columna", reason: "Motivo",
  confirm: "Confirmar y escribir", cancel: "Cancelar", retry: "Reintentar", undo: "Deshacer",
  undoConfirm: "¿Deshacer esta importación? Los registros creados se eliminan y los actualizados vuelven a sus valores anteriores.",
  history: "Historial de importaciones",
  columns: { id: "Lote", when: "Fecha", who: "Usuario", kind: "Tipo", file: "Archivo (SHA-256)", counts: "Nuevos / act. / sin cambios", status: "Estado", actions: "Acciones" },
  noHistory: "Aún no hay importaciones.",
  open: "Ver",
  failed: (message: string) => `No se pudo completar: ${message}`,
  uploadFailed: "La carga se interrumpió; vuelva a cargar el archivo.",
  previous: "Anterior", next: "Siguiente",
  exportTitle: "Exportar datos (CSV, mismo formato)",
  rowsUnit: "filas",
  forbidden: "Su función no le permite importar datos (data.import).",
};

export type ImportStrings = typeof es;

const en: ImportStrings = {
  ...es,
  title: "Imports",
  description: "Upload CSV (UTF-8) or XLSX (first sheet) files with the exchange format's columns, up to 50 MB. Nothing is written until you confirm.",
  kind: "File kind",
  file: "File",
  upload: "Upload and validate",
  kinds: { departments: "Departments", officers: "Officers", training: "Training", vetting: "Vetting", complaints: "Complaints" },
  statuses: {
    UPLOADING: "Uploading", VALIDATING: "Validating", VALIDATED: "Validated, waiting for confirmation", WRITING: "Writing", COMPLETED: "Completed",
    REJECTED: "Rejected", FAILED: "Failed", CANCELLED: "Cancelled", UNDONE: "Undone",
  },
  phaseUpload: "File upload",
  rows: (done, total, estimated) => `${fmt(done)} of ${estimated ? "≈" : ""}${fmt(total)} rows`,
  bytes: (done, total) => `${mb(done)} of ${mb(total)}`,
  eta: (seconds) => `≈ ${seconds < 60 ? `${Math.ceil(seconds)} s` : `${Math.ceil(seconds / 60)} min`} left`,
  report: "Validation report",
  counts: (c) => `${fmt(c.created)} new · ${fmt(c.updated)} updated · ${fmt(c.unchanged)} unchanged`,
  errorsTitle: (n) => `${fmt(n)} ${n === 1 ? "error" : "errors"}: nothing from this file will be written`,
  errorsShown: (shown, total) => `Showing ${fmt(shown)} of ${fmt(total)}.`,
  downloadErrors: "Download errors (CSV)",
  line: "Line", column: "Column", reason: "Reason",
  confirm: "Confirm and write", cancel: "Cancel", retry: "Retry", undo: "Undo",
  undoConfirm: "Undo this import? Records it created are removed and records it updated get their previous values back.",
  history: "Import history",
  columns: { id: "Batch", when: "Date", who: "User", kind: "Kind", file: "File (SHA-256)", counts: "New / upd. / unchanged", status: "Status", actions: "Actions" },
  noHistory: "No imports yet.",
  open: "Open",
  failed: (message) => `Could not complete: ${message}`,
  uploadFailed: "The upload was interrupted; upload the file again.",
  previous: "Previous", next: "Next",
  exportTitle: "Export data (CSV, same format)",
  rowsUnit: "rows",
  forbidden: "Your role may not import data (data.import).",
};

function fmt(n: number) {
  return n.toLocaleString("es-MX");
}
function mb(bytes: number) {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const importStrings = (locale: string): ImportStrings => (locale === "en" ? en : es);
