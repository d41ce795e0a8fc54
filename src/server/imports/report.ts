import type { ImportError } from "./types";

/** `line N, column X: reason` — the one format every import error is shown in. */
export function formatImportError(error: ImportError): string {
  const where = [error.line === null ? null : `line ${error.line}`, error.column === null ? null : `column ${error.column}`]
    .filter(Boolean)
    .join(", ");
  return where ? `${where}: ${error.message}` : error.message;
}

/**
 * Errors kept in memory are capped so a file with a million bad rows cannot exhaust memory; the
 * total is always exact. 10,000 covers any file a person will fix by hand.
 */
export const DEFAULT_MAX_ERRORS = 10_000;

/**
 * The errors a batch row keeps: all the report lists (up to DEFAULT_MAX_ERRORS), so the history's error file
 * of a CLI import and of a web import is the report the CLI printed.
 */
export const storedErrors = (errors: ImportError[]) => (errors.length > 0 ? errors.slice(0, DEFAULT_MAX_ERRORS) : undefined);

/** Whole-file problems (header, size, encoding, CSV syntax): the file is rejected before row checks. */
export class ImportFileError extends Error {
  constructor(readonly errors: ImportError[]) {
    super(errors.map(formatImportError).join("\n"));
    this.name = "ImportFileError";
  }
}

/** Keeps the first `cap` errors (callers add them in line order) and counts all of them. */
export class ErrorCollector {
  readonly kept: ImportError[] = [];
  total = 0;

  constructor(private readonly cap: number) {}

  add(error: ImportError) {
    this.total++;
    if (this.kept.length < this.cap) this.kept.push(error);
  }
}

/** Merges two line-ordered error lists into the first `cap` errors by (line, column position). */
export function mergeErrors(a: ImportError[], b: ImportError[], columnOrder: string[], cap: number): ImportError[] {
  const position = (e: ImportError) => (e.column === null ? -1 : columnOrder.indexOf(e.column));
  return [...a, ...b].sort((x, y) => (x.line ?? 0) - (y.line ?? 0) || position(x) - position(y)).slice(0, cap);
}
